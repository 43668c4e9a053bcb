import type { FileRequest } from '../image/file-request.js';
import { findTrigger } from './gate.js';
import { findGate } from './gates/list.js';
import type { PolicyBundle } from './model.js';

/** The file requests of every rule in the bundle, for the scan's single pass over the layers. */
export function policyFileRequests(bundle: PolicyBundle): FileRequest[] {
  const out = new Map<string, FileRequest>();
  for (const rs of bundle.rule_sets) {
    for (const rule of rs.rules) {
      const gate = findGate(rule.gate);
      const trigger = gate && findTrigger(gate, rule.trigger);
      for (const req of trigger?.requests?.(rule.params) ?? []) {
        const prev = out.get(req.id);
        out.set(req.id, prev ? mergeRequests(prev, req) : req);
      }
    }
  }
  return [...out.values()];
}

function mergeRequests(a: FileRequest, b: FileRequest): FileRequest {
  if (a.sink || b.sink || a.filter || b.filter) return a; // same id, same computed request
  return {
    id: a.id,
    paths: [...new Set([...(a.paths ?? []), ...(b.paths ?? [])])],
    globs: [...new Set([...(a.globs ?? []), ...(b.globs ?? [])])],
    ...(a.maxBytes !== undefined ? { maxBytes: a.maxBytes } : {}),
  };
}


import type { Package } from '../../model/index.js';
import type { PackageFeed } from '../context.js';
import type { Gate, TriggerRun } from '../gate.js';
import { pyList } from './vulnerabilities/vulnerabilities.js';

/**
 * The ruby_gems and npms gates are the same shape: feed checks against the official registry's data, and a
 * name/version deny list. Portcullis has no gem or npm feed of its own; a scan may put one in `ctx.feeds`.
 * Without it the feed triggers cannot fire (an evaluation problem says so) and `feed_data_unavailable` fires.
 */
export interface FeedGateSpec {
  gate: string;
  description: string;
  packageType: 'gem' | 'npm';
  feedKey: 'gem' | 'npm';
  label: string; // 'GEM' | 'NPM'
  names: { newer: string; notFound: string; badVersion: string; deny: string; denyV2: string; unavailable: string };
  descriptions: { newer: string; notFound: string; badVersion: string; deny: string; unavailable: string };
  unavailableMessage: string;
  /** Anchore's message prefixes (gems.py, npms.py): the gem not-latest text has none, npm's says `NPMNOTLATEST `. */
  notLatestPrefix: string;
  /** `Gem Package is blacklisted: ` / `NPM Package is blacklisted: `. */
  denyPrefix: string;
}

/** Installed versions by package name, in catalog order, each once (Anchore's name → versions listing). */
function listing(pkgs: readonly Package[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of pkgs) {
    const versions = out.get(p.name) ?? [];
    if (!versions.includes(p.version)) versions.push(p.version);
    out.set(p.name, versions);
  }
  return out;
}

export function feedGate(spec: FeedGateSpec): Gate {
  const pkgs = (run: TriggerRun): Package[] => run.ctx.packages.filter((p) => p.type === spec.packageType);
  const feed = (run: TriggerRun): PackageFeed | undefined => {
    const f = run.ctx.feeds?.[spec.feedKey];
    if (!f) run.problem({ problem_type: 'feed_unavailable', details: `no ${spec.label.toLowerCase()} feed data is available; the trigger cannot fire` });
    return f;
  };
  const P = spec.label;
  return {
    name: spec.gate,
    description: spec.description,
    triggers: [
      {
        name: spec.names.newer,
        description: spec.descriptions.newer,
        params: [],
        evaluate: (run) => {
          const f = feed(run);
          if (!f) return [];
          return [...listing(pkgs(run))].flatMap(([name, versions]) => {
            const latest = f.latest(name);
            if (latest === undefined) return [];
            return versions.filter((v) => v !== latest).map((v) => ({ message: `${spec.notLatestPrefix}Package (${name}) version (${v}) installed but is not the latest version (${latest})` }));
          });
        },
      },
      {
        name: spec.names.notFound,
        description: spec.descriptions.notFound,
        params: [],
        evaluate: (run) => {
          const f = feed(run);
          if (!f) return [];
          return [...listing(pkgs(run)).keys()].flatMap((name) => (f.versions(name) === undefined ? [{ message: `${P}NOTOFFICIAL Package (${name}) in container but not in official ${P} feed.` }] : []));
        },
      },
      {
        name: spec.names.badVersion,
        description: spec.descriptions.badVersion,
        params: [],
        evaluate: (run) => {
          const f = feed(run);
          if (!f) return [];
          return [...listing(pkgs(run))].flatMap(([name, installed]) => {
            const versions = f.versions(name);
            if (versions === undefined) return [];
            // The feed's versions as a Python list repr, as Anchore formats them.
            return installed.filter((v) => !versions.includes(v)).map((v) => ({ message: `${P}BADVERSION Package (${name}) version (${v}) installed but version is not in the official feed for this package (${pyList(versions)})` }));
          });
        },
      },
      {
        name: spec.names.deny,
        aliases: [spec.names.denyV2],
        description: spec.descriptions.deny,
        params: [
          { name: 'name', description: `${P} package name to blacklist.`, type: 'string', required: true, example: 'time_diff' },
          { name: 'version', description: `${P} package version to blacklist specifically.`, type: 'string', required: false, example: '0.2.9' },
        ],
        evaluate: (run) => {
          const name = run.params.name as string;
          const version = run.params.version as string | undefined;
          // Once per rule, as Anchore's blacklist triggers fire (gems.py BlacklistedGemTrigger, npms.py PkgMatchTrigger).
          const installed = listing(pkgs(run)).get(name);
          if (!installed) return [];
          if (version === undefined) return [{ message: `${spec.denyPrefix}${name}` }];
          return installed.includes(version) ? [{ message: `${spec.denyPrefix}${name}-${version}` }] : [];
        },
      },
      {
        name: spec.names.unavailable,
        description: spec.descriptions.unavailable,
        params: [],
        evaluate: (run) => (run.ctx.feeds?.[spec.feedKey] || pkgs(run).length === 0 ? [] : [{ message: spec.unavailableMessage }]),
      },
    ],
  };
}

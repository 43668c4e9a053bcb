import type { FiredItem, Gate, ParamSpec, TriggerRun } from '../../gate.js';
import { memo } from '../../context.js';
import { reMatch } from '../../params.js';
import { dockerfileFor, type ParsedDockerfile } from './parse.js';

export const DIRECTIVES = ['ADD', 'ARG', 'COPY', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'USER', 'RUN', 'SHELL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR'] as const;
const CHECKS = ['=', '!=', 'exists', 'not_exists', 'like', 'not_like', 'in', 'not_in'] as const;
const NEEDS_VALUE = new Set(['=', '!=', 'like', 'not_like', 'in', 'not_in']);

const actualOnly: ParamSpec = {
  name: 'actual_dockerfile_only',
  description: 'Only evaluate against a user-provided dockerfile, skip evaluation on inferred/guessed dockerfiles. Default is False.',
  type: 'boolean',
  required: false,
  default: 'false',
  example: 'true',
};
const listType: ParamSpec = {
  name: 'type',
  description: 'Whether the list is an allowed list (whitelist) or a denied list (blacklist). The v2 words allowlist and denylist are accepted.',
  type: 'enum',
  required: true,
  allowed: ['whitelist', 'blacklist', 'allowlist', 'denylist'],
  example: 'blacklist',
};

/** The Dockerfile in use for this evaluation, parsed once. */
export function dockerfileOf(run: TriggerRun): ParsedDockerfile {
  return memo(run.ctx, 'dockerfile', () => dockerfileFor(run.ctx.image, run.ctx.dockerfile?.text));
}

/** Whether a trigger should look at this Dockerfile; reports why not when it cannot. */
function usable(run: TriggerRun, actualOnlyParam: boolean): ParsedDockerfile | undefined {
  const df = dockerfileOf(run);
  if (df.mode === 'unknown') {
    run.problem({ problem_type: 'dockerfile_unavailable', details: 'no Dockerfile was given and none could be reconstructed from the image history; the trigger cannot fire' });
    return undefined;
  }
  if (actualOnlyParam && df.mode !== 'actual') return undefined;
  return df;
}

const isDenied = (t: unknown) => t === 'blacklist' || t === 'denylist';

/**
 * The user of a USER line: Anchore's `\s*USER\s+\[?([^\]]+)\]?\s*` strips brackets (`USER [app]` is `app`;
 * anchore-engine tests/integration/.../gates/test_dockerfile.py). Unlike Anchore, a `:group` part is dropped,
 * so `USER root:root` is root. No USER line: root.
 */
export function effectiveUser(args: string | undefined): string {
  const bare = (args ?? 'root').trim().replace(/^\[([^\]]+)\]$/, '$1');
  return bare.split(':')[0]!.trim() || 'root';
}

export const dockerfileGate: Gate = {
  name: 'dockerfile',
  description: 'Checks against the content of a dockerfile if provided, or a guessed dockerfile based on docker layer history if the dockerfile is not provided.',
  triggers: [
    {
      name: 'instruction',
      description: 'Triggers if any directives in the list are found to match the described condition in the dockerfile.',
      params: [
        actualOnly,
        {
          name: 'instruction',
          description: 'The Dockerfile instruction to check. Anchore accepts upper case only; Portcullis accepts any case (its own documented example `from` fails in Anchore).',
          type: 'enum',
          required: true,
          allowed: DIRECTIVES,
          caseInsensitive: true,
          example: 'FROM',
        },
        { name: 'check', description: 'The type of check to perform.', type: 'enum', required: true, allowed: CHECKS, example: '=' },
        { name: 'value', description: 'The value to check the dockerfile instruction against (a regex for like / not_like, a comma list for in / not_in).', type: 'string', required: false, example: 'scratch' },
      ],
      evaluate: (run) => {
        const df = usable(run, run.params.actual_dockerfile_only === true);
        if (!df) return [];
        const directive = run.params.instruction as string;
        const check = run.params.check as string;
        const value = run.params.value as string | undefined;
        // Anchore loads a rule whose check needs a value without one, and it never fires (gates/dockerfile.py).
        if (NEEDS_VALUE.has(check) && value === undefined) {
          run.problem({ problem_type: 'missing_param', details: `check ${check} needs a value; the rule cannot fire` });
          return [];
        }
        const lines = df.lines.filter((l) => l.directive === directive);
        if (check === 'not_exists') {
          return lines.length === 0 ? [{ message: `Dockerfile directive '${directive}' not found, matching condition 'not_exists' check` }] : [];
        }
        const list = () => (value ?? '').split(',').map((s) => s.trim());
        const hit = (args: string): boolean => {
          switch (check) {
            case 'exists':
              return true;
            case '=':
              return args === value;
            case '!=':
              return args !== value;
            case 'like':
              return reMatch(value ?? '', args);
            case 'not_like':
              return !reMatch(value ?? '', args);
            case 'in':
              return list().includes(args);
            case 'not_in':
              return !list().includes(args);
            default:
              return false;
          }
        };
        return lines
          .filter((l) => hit(l.args))
          .map((l) => ({
            message: `Dockerfile directive '${directive}' check '${check}' matched against '${value ?? ''}' for line '${l.args}'`,
            ...(df.mode === 'actual' && l.line ? { location: { line: l.line } } : {}),
          }));
      },
    },
    {
      name: 'effective_user',
      description: 'Checks if the effective user matches the provided user names, either as a whitelist or blacklist depending on the type parameter setting.',
      params: [{ name: 'users', description: 'User names to check against as the effective user (last user entry) in the images history.', type: 'string-list', required: true, example: 'root,docker' }, listType],
      evaluate: (run) => {
        const df = usable(run, false);
        if (!df) return [];
        const userLines = df.lines.filter((l) => l.directive === 'USER');
        const last = userLines[userLines.length - 1];
        const user = effectiveUser(last?.args);
        const users = run.params.users as string[];
        const location = df.mode === 'actual' && last?.line ? { location: { line: last.line } } : {};
        if (isDenied(run.params.type)) return users.includes(user) ? [{ message: `User ${user} found as effective user, which is explicity not allowed`, ...location }] : [];
        return users.includes(user) ? [] : [{ message: `User ${user} found as effective user, which is not on the allowed list`, ...location }];
      },
    },
    {
      name: 'exposed_ports',
      description:
        'Evaluates the set of ports exposed. Allows configuring whitelist or blacklist behavior. If type=whitelist, then any ports found exposed that are not in the list will cause the trigger to fire. If type=blacklist, then any ports exposed that are in the list will cause the trigger to fire.',
      params: [actualOnly, { name: 'ports', description: 'List of port numbers.', type: 'integer-list', required: true, example: '80,8080,8088' }, listType],
      evaluate: (run) => {
        const df = usable(run, run.params.actual_dockerfile_only === true);
        if (!df) return [];
        // Anchore (gates/dockerfile.py ExposedPortsTrigger) works per EXPOSE line on its tokens as written: a listed
        // port matches `p`, `p/tcp` or `p/udp`, and the message names the token (`22/tcp`).
        const ports = (run.params.ports as number[]).map(String);
        const denied = isDenied(run.params.type);
        const out: FiredItem[] = [];
        for (const l of df.lines.filter((x) => x.directive === 'EXPOSE')) {
          const tokens = l.args.split(/\s+/).filter(Boolean);
          const at = df.mode === 'actual' && l.line ? { location: { line: l.line } } : {};
          if (denied) {
            for (const p of ports) {
              const token = [p, `${p}/tcp`, `${p}/udp`].find((t) => tokens.includes(t));
              if (token) out.push({ message: `Dockerfile exposes port (${token}) which is in policy file DENIEDPORTS list`, ...at });
            }
          } else {
            for (const token of tokens.filter((t) => !ports.some((p) => t === p || t === `${p}/tcp` || t === `${p}/udp`))) {
              out.push({ message: `Dockerfile exposes port (${token}) which is not in policy file ALLOWEDPORTS list`, ...at });
            }
          }
        }
        return out;
      },
    },
    {
      name: 'no_dockerfile_provided',
      description: 'Triggers if anchore analysis was performed without supplying the actual image Dockerfile.',
      params: [],
      evaluate: (run) => (dockerfileOf(run).mode === 'actual' ? [] : [{ message: 'Image was not analyzed with an actual Dockerfile' }]),
    },
  ],
};

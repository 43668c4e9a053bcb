import type { Gate, ParamSpec, TriggerRun } from '../../gate.js';
import { memo } from '../../context.js';
import { regexError, reMatch } from '../../params.js';
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
      validate: (raw) => {
        const out: string[] = [];
        if (raw.check !== undefined && NEEDS_VALUE.has(raw.check) && raw.value === undefined) out.push(`param "value" is required when check is ${JSON.stringify(raw.check)}`);
        if ((raw.check === 'like' || raw.check === 'not_like') && typeof raw.value === 'string') {
          const err = regexError(raw.value);
          if (err) out.push(`param "value" is not a valid regular expression: ${err}`);
        }
        return out;
      },
      evaluate: (run) => {
        const df = usable(run, run.params.actual_dockerfile_only === true);
        if (!df) return [];
        const directive = run.params.instruction as string;
        const check = run.params.check as string;
        const value = run.params.value as string | undefined;
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
            message: `Dockerfile directive '${directive}' check '${check}' matched against '${value ?? 'None'}' for line '${l.args}'`,
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
        const user = (last?.args ?? 'root').split(':')[0]!.trim() || 'root';
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
        const exposed = new Map<number, number | undefined>();
        for (const l of df.lines.filter((x) => x.directive === 'EXPOSE')) {
          for (const tok of l.args.split(/\s+/)) {
            const port = Number.parseInt(tok, 10);
            if (!Number.isNaN(port) && !exposed.has(port)) exposed.set(port, df.mode === 'actual' ? l.line : undefined);
          }
        }
        const ports = run.params.ports as number[];
        const at = (p: number) => (exposed.get(p) ? { location: { line: exposed.get(p)! } } : {});
        if (isDenied(run.params.type)) {
          return [...new Set(ports)].filter((p) => exposed.has(p)).map((p) => ({ message: `Dockerfile exposes port (${p}) which is in policy file DENIEDPORTS list`, ...at(p) }));
        }
        return [...exposed.keys()].filter((p) => !ports.includes(p)).map((p) => ({ message: `Dockerfile exposes port (${p}) which is not in policy file ALLOWEDPORTS list`, ...at(p) }));
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

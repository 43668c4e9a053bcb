/**
 * The CLI's option rules: what happens to a flag beyond commander's parsing, one mechanism for every command.
 * `installOptionRules` runs on each command after its options are declared; it adds hidden or twin options and ONE
 * pre-action hook that applies the rules in order.
 *
 * - Deprecated aliases. One name per option across the CLI: where two commands once spelled the same option differently
 *   (`db --cache-dir` and `scan --db-cache-dir`, `--max-age-days` and `--max-db-age`), the scan's name is the one (CI
 *   templates use it) and the other stays as a hidden alias: it still works, warns once with the name to use, and
 *   gives its value to the canonical option unless that was given too (then the canonical one wins).
 * - Secrets on the command line. A token or a password given as a flag is visible to every user of the machine
 *   (`ps`, /proc/PID/cmdline) and stays in shell history and CI logs, so it works but warns, and every known secret
 *   flag gets a `-stdin` twin and has an environment variable, as `docker login` has `--password-stdin`
 *   (docs.docker.com/reference/cli/docker/login/: "Using --password via the CLI is insecure. Use --password-stdin.").
 *   Only one option of a run may read standard input.
 */

import { Option, type Command } from 'commander';
import { ConfigurationError } from '../common/errors.js';
import type { CliContext } from './command.js';

export interface DeprecatedAlias {
  /** The old flag, with its argument when it takes one: `--cache-dir <dir>`. */
  alias: string;
  /** The flag to use instead: `--db-cache-dir`. */
  canonical: string;
  /** The commands that had the old name (`db status`, `compliance oscap`); the alias is added there only. */
  on: readonly string[];
}

export interface SecretFlag {
  /** The flag that takes the secret as its value. */
  flag: string;
  /** The environment variable that the command reads instead. */
  env: string;
}

/** The aliases of every command. They are not in `--help` on purpose (the help/README test leaves them out). */
export const DEPRECATED_ALIASES: readonly DeprecatedAlias[] = [
  { alias: '--cache-dir <dir>', canonical: '--db-cache-dir', on: ['db update', 'db import', 'db status'] },
  { alias: '--max-age-days <days>', canonical: '--max-db-age', on: ['db status'] },
  { alias: '--fail-on-stale', canonical: '--fail-on-stale-db', on: ['db status'] },
  { alias: '--fail-on-error', canonical: '--store-fail-on-error', on: ['push'] },
  { alias: '--fail-on-push-error', canonical: '--store-fail-on-error', on: ['compliance oscap'] },
];

/** Every secret-bearing flag the CLI has, with the variable that replaces it. A `<flag>-stdin` twin is added to each. */
export const SECRET_FLAGS: readonly SecretFlag[] = [
  { flag: '--store-token', env: 'PORTCULLIS_STORE_TOKEN' },
  { flag: '--password', env: 'PORTCULLIS_STORE_PASSWORD' },
];

/** A value-taking flag whose name says it holds a secret, whether or not it is in SECRET_FLAGS. */
const SECRET_NAME = /(?:^|-)(?:token|password|passwd|secret|api-key|apikey)$/;

/** Flags that read standard input other than the `-stdin` twins added here; only one reader may be given in a run. */
const STDIN_FLAGS = ['--registry-password-stdin'];

/** Commander's attribute name of a flag: `--max-db-age <days>` → `maxDbAge`. */
export function attributeOf(flag: string): string {
  return flag
    .replace(/^--/, '')
    .replace(/\s.*$/, '')
    .replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** A command's path below the program: `db status`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The bare flag of a spec: `--cache-dir <dir>` → `--cache-dir`. */
const longOf = (spec: string): string => spec.split(' ')[0]!;

async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Applies the option rules to `cmd` (call it after its options are declared): hidden aliases for the canonical options
 * it has, `-stdin` twins for its known secret flags, and the pre-action hook. A command with none is left alone.
 */
export function installOptionRules(cmd: Command, ctx: CliContext): Command {
  const options = cmd.options as readonly Option[];
  const path = commandPath(cmd);
  const aliases = DEPRECATED_ALIASES.filter((a) => a.on.includes(path) && options.some((o) => o.long === a.canonical));
  const secrets = options.filter((o) => o.long && (o.required || o.optional) && (SECRET_FLAGS.some((s) => s.flag === o.long) || SECRET_NAME.test(o.long.slice(2))));
  if (aliases.length === 0 && secrets.length === 0) return cmd;

  for (const a of aliases) cmd.addOption(new Option(a.alias, `deprecated: use ${a.canonical}`).hideHelp());
  const known = (long: string): SecretFlag | undefined => SECRET_FLAGS.find((s) => s.flag === long);
  const twins = secrets.flatMap((o) => {
    const spec = known(o.long!);
    return spec ? [{ option: o, spec, twin: `${spec.flag}-stdin` }] : [];
  });
  for (const { spec, twin } of twins) {
    if (!options.some((x) => x.long === twin)) {
      cmd.option(twin, `read the ${spec.flag.slice(2).replace(/-/g, ' ')} from standard input (safer than ${spec.flag}; or ${spec.env})`);
    }
  }

  // The hook runs for this command's own options (`thisCommand`), also when the action is a subcommand's.
  cmd.hook('preAction', async (command) => {
    for (const a of aliases) {
      const value = command.getOptionValue(attributeOf(a.alias));
      if (value === undefined) continue;
      const to = attributeOf(a.canonical);
      ctx.logger.warning(`${longOf(a.alias)} is deprecated; use ${a.canonical}`);
      if (command.getOptionValueSource(to) !== 'cli') command.setOptionValueWithSource(to, value, 'cli');
    }
    if (secrets.length === 0) return;
    const opts = command.opts<Record<string, unknown>>();
    const readers = [...STDIN_FLAGS, ...twins.map((t) => t.twin)].filter((f) => opts[attributeOf(f)] === true);
    if (readers.length > 1) throw new ConfigurationError(`only one option can read standard input, got ${readers.join(' and ')}`);
    for (const o of secrets) {
      const attr = attributeOf(o.long!);
      const twin = twins.find((t) => t.option === o);
      if (twin && opts[attributeOf(twin.twin)] === true) {
        if (typeof opts[attr] === 'string') throw new ConfigurationError(`give ${o.long} or ${twin.twin}, not both`);
        const value = (await readAll(ctx.stdin)).replace(/\r?\n$/, '');
        if (!value) throw new ConfigurationError(`${twin.twin}: standard input was empty`);
        command.setOptionValue(attr, value);
        continue;
      }
      if (typeof opts[attr] === 'string' && command.getOptionValueSource(attr) === 'cli') {
        const instead = twin ? `${twin.spec.env} or ${twin.twin}` : 'the environment or standard input';
        ctx.logger.warning(`${o.long} on the command line is insecure (other users see it in the process list; it stays in shell history and CI logs); use ${instead}`);
      }
    }
  });
  return cmd;
}

/**
 * Secrets on the command line. A token or a password given as a flag is visible to every user of the machine (`ps`,
 * /proc/PID/cmdline) and stays in shell history and CI logs, so it works but warns, and every such flag has a
 * `-stdin` twin and an environment variable, as `docker login` has `--password-stdin`
 * (docs.docker.com/reference/cli/docker/login/: "Using --password via the CLI is insecure. Use --password-stdin.").
 */

import type { Command, Option } from 'commander';
import { ConfigurationError } from '../common/errors.js';
import type { CliContext } from './command.js';

export interface SecretFlag {
  /** The flag that takes the secret as its value. */
  flag: string;
  /** The environment variable that the command reads instead. */
  env: string;
}

/** Every secret-bearing flag the CLI has, with the variable that replaces it. A `<flag>-stdin` twin is added to each. */
export const SECRET_FLAGS: readonly SecretFlag[] = [
  { flag: '--store-token', env: 'PORTCULLIS_STORE_TOKEN' },
  { flag: '--password', env: 'PORTCULLIS_STORE_PASSWORD' },
];

/** A value-taking flag whose name says it holds a secret, whether or not it is in SECRET_FLAGS. */
const SECRET_NAME = /(?:^|-)(?:token|password|passwd|secret|api-key|apikey)$/;

/** The flags that read standard input; only one of them may be given in a run. */
const STDIN_FLAGS = ['--registry-password-stdin'];

function attributeOf(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Adds the `-stdin` twins to a command that has secret flags, and a pre-action hook that warns about a secret given
 * on the command line and reads a twin's value from standard input. Commands without such flags are left alone.
 */
export function installSecretOptions(cmd: Command, ctx: CliContext): void {
  const options = cmd.options as readonly Option[];
  const secrets = options.filter((o) => o.long && (o.required || o.optional) && (SECRET_FLAGS.some((s) => s.flag === o.long) || SECRET_NAME.test(o.long.slice(2))));
  if (secrets.length === 0) return;
  const known = (long: string) => SECRET_FLAGS.find((s) => s.flag === long);
  for (const o of secrets) {
    const spec = known(o.long!);
    if (spec && !options.some((x) => x.long === `${spec.flag}-stdin`)) {
      cmd.option(`${spec.flag}-stdin`, `read the ${spec.flag.slice(2).replace(/-/g, ' ')} from standard input (safer than ${spec.flag}; or ${spec.env})`);
    }
  }
  cmd.hook('preAction', async (command) => {
    const opts = command.opts<Record<string, unknown>>();
    const readers = [...STDIN_FLAGS, ...secrets.map((o) => `${o.long!}-stdin`)].filter((f) => opts[attributeOf(f)] === true);
    if (readers.length > 1) throw new ConfigurationError(`only one option can read standard input, got ${readers.join(' and ')}`);
    for (const o of secrets) {
      const attr = attributeOf(o.long!);
      const spec = known(o.long!);
      const fromStdin = spec ? opts[attributeOf(`${spec.flag}-stdin`)] === true : false;
      if (fromStdin) {
        if (typeof opts[attr] === 'string') throw new ConfigurationError(`give ${o.long} or ${o.long}-stdin, not both`);
        const value = (await readAll(ctx.stdin)).replace(/\r?\n$/, '');
        if (!value) throw new ConfigurationError(`${o.long}-stdin: standard input was empty`);
        command.setOptionValue(attr, value);
        continue;
      }
      if (typeof opts[attr] === 'string' && command.getOptionValueSource(attr) === 'cli') {
        const instead = spec ? `${spec.env} or ${spec.flag}-stdin` : 'the environment or standard input';
        ctx.logger.warning(`${o.long} on the command line is insecure (other users see it in the process list; it stays in shell history and CI logs); use ${instead}`);
      }
    }
  });
}

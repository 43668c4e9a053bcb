import type { Command } from 'commander';
import type { CliCommand, CliContext } from '../command.js';
import { ConfigurationError } from '../../common/errors.js';
import { getScheme, VERSION_SCHEMES } from '../../version/list.js';
import { InvalidVersionError, type Comparison, type VersionScheme } from '../../version/scheme.js';

const SYMBOL: Record<Comparison, string> = { [-1]: '<', 0: '=', 1: '>' };

/** One line per scheme: id, aliases, description. */
export function describeSchemes(): string {
  const schemes = VERSION_SCHEMES.all();
  const width = Math.max(...schemes.map((s) => s.id.length));
  return schemes
    .map((s) => `  ${s.id.padEnd(width)}  ${s.description ?? ''}${s.aliases.length ? ` (aliases: ${s.aliases.join(', ')})` : ''}`)
    .join('\n');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Compares `A B` pairs, one per line; a bad line is a ConfigurationError naming its line number. */
export function compareBatch(scheme: VersionScheme, text: string): string {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fields = lines[i]!.trim().split(/\s+/).filter((f) => f !== '');
    if (fields.length !== 2) {
      throw new ConfigurationError(`line ${i + 1}: expected two versions "A B", found ${fields.length} field${fields.length === 1 ? '' : 's'}`);
    }
    try {
      out.push(SYMBOL[scheme.compare(fields[0]!, fields[1]!)]);
    } catch (error) {
      if (error instanceof InvalidVersionError) throw new ConfigurationError(`line ${i + 1}: ${error.message}`, { cause: error });
      throw error;
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

function resolveScheme(name: string, ctx: CliContext): VersionScheme {
  const scheme = getScheme(name);
  if (scheme.fallback) ctx.logger.warning(`"${scheme.id}" is the fallback scheme: its order is a guess, not an ecosystem's rule`);
  return scheme;
}

export const versionCommand: CliCommand = {
  id: 'version',
  register(program: Command, ctx: CliContext) {
    const version = program
      .command('version')
      .description('compare versions the way the matcher does ("why didn\'t this match?")')
      .addHelpText('after', () => `\nVersion schemes:\n${describeSchemes()}\n`);

    version
      .command('compare')
      .description('compare A with B in SCHEME and print <, = or >; with --batch, read "A B" pairs from stdin')
      .argument('<scheme>', 'a version scheme id or alias (see below)')
      .argument('[a]', 'the first version')
      .argument('[b]', 'the second version')
      .option('--batch', 'read "A B" pairs from stdin, one per line, and print one result per line')
      .addHelpText('after', () => `\nVersion schemes:\n${describeSchemes()}\n`)
      .action(async (schemeName: string, a: string | undefined, b: string | undefined, opts: { batch?: boolean }) => {
        const scheme = resolveScheme(schemeName, ctx);
        if (opts.batch) {
          if (a !== undefined) throw new ConfigurationError('with --batch, give only the scheme: the pairs come from stdin');
          ctx.out(compareBatch(scheme, await readAll(ctx.stdin)));
          return;
        }
        if (a === undefined || b === undefined) throw new ConfigurationError('version compare needs SCHEME A B (or --batch)');
        ctx.out(`${SYMBOL[scheme.compare(a, b)]}\n`);
      });

    version
      .command('schemes')
      .description('list the version schemes and their aliases')
      .action(() => {
        ctx.out(`${describeSchemes()}\n`);
      });
  },
};

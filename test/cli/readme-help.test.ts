/**
 * The README's CLI reference and the CLI's `--help` say the same thing: every flag that a command's `--help` shows is
 * in the reference under that command, and every flag the reference lists is in that command's `--help`. Hidden
 * deprecated aliases (src/cli/options.ts) are in neither. And one option has one name: a flag means the same on
 * every command that has it (same short form, same kind of argument), and no command still shows an old name.
 *
 * The reference is the part of README.md between `<!-- cli-reference -->` and `<!-- /cli-reference -->`:
 * - "### `portcullis db status`" starts a command's section (words after `portcullis` up to an argument);
 * - any other "### Heading" is a group of options shared by several commands; a command's section that links to
 *   it (`[image options](#image-options)`) has its flags too;
 * - a section's flags are the option names in the first cell of its table rows (`| \`-o, --output <f>\` | … |`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger } from '../../src/common/logger.js';
import type { CliContext } from '../../src/cli/command.js';
import { DEPRECATED_ALIASES } from '../../src/cli/options.js';
import { loadCliCommands } from '../../src/cli/list.js';
import { buildProgram, runProgram } from '../../src/cli/program.js';
import { PROJECT_ROOT } from '../helpers/shared.js';

const ALL_COMMANDS = await loadCliCommands();
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');

const ctxOf = (out: (s: string) => void = () => {}): CliContext => ({ logger: createRecordingLogger(), out, stdin: Readable.from([]), env: {}, outcome: 'go' });

/** Every command path below the program ('' is the program itself), in --help order. */
function commandPaths(): { path: string; cmd: Command }[] {
  const out: { path: string; cmd: Command }[] = [];
  const walk = (cmd: Command, path: string[]): void => {
    out.push({ path: path.join(' '), cmd });
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
  };
  walk(buildProgram(ctxOf(), ALL_COMMANDS), []);
  return out;
}

async function helpOf(path: string): Promise<string> {
  let text = '';
  await runProgram([...(path ? path.split(' ') : []), '--help'], ctxOf((s) => void (text += s)));
  return text;
}

interface HelpFlag {
  /** `--output`, `-o`: every name of the option. */
  names: string[];
  long: string;
  short?: string;
  /** none, required (`<x>`), optional (`[x]`); variadic adds `...`. */
  arg: string;
}

/** The options `--help` shows (its "Options:" block; an option's line starts with exactly two spaces), `--help` left out. */
function helpFlags(text: string): HelpFlag[] {
  const block = /\nOptions:\n([\s\S]*?)(?:\n\n|\n?$)/.exec(text)?.[1] ?? '';
  const flags: HelpFlag[] = [];
  for (const line of block.split('\n')) {
    if (!/^ {2}-/.test(line)) continue; // a wrapped description is indented further
    const spec = line.slice(2).split(/ {2,}/)[0]!;
    const names = spec.match(/(?<![\w-])--?[A-Za-z][\w-]*/g) ?? [];
    const long = names.find((n) => n.startsWith('--'))!;
    if (long === '--help') continue;
    const argText = spec.slice(spec.indexOf(long) + long.length).trim();
    const arg = argText === '' ? 'none' : `${argText.startsWith('[') ? 'optional' : 'required'}${argText.includes('...') ? ' variadic' : ''}`;
    const short = names.find((n) => !n.startsWith('--'));
    flags.push({ names, long, ...(short ? { short } : {}), arg });
  }
  return flags;
}

const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/\s/g, '-');

interface Reference {
  commands: Map<string, Set<string>>;
  /** Every flag written in a table row, wherever it is. */
  tabled: string[];
}

function parseReference(readme: string): Reference {
  const start = readme.indexOf('<!-- cli-reference -->');
  const end = readme.indexOf('<!-- /cli-reference -->');
  if (start < 0 || end < start) throw new Error('README.md has no <!-- cli-reference --> … <!-- /cli-reference --> section');
  const sections = readme
    .slice(start, end)
    .split(/\n(?=### )/)
    .filter((s) => s.startsWith('### '));
  const groups = new Map<string, Set<string>>();
  const own = new Map<string, { flags: Set<string>; links: string[] }>();
  const tabled: string[] = [];
  for (const section of sections) {
    const [heading, ...body] = section.split('\n');
    const flags = new Set<string>();
    const links: string[] = [];
    for (const line of body) {
      if (line.startsWith('|')) {
        const cell = line.split(/(?<!\\)\|/)[1] ?? ''; // `\|` inside a cell is no column
        for (const code of cell.match(/`[^`]+`/g) ?? []) for (const n of code.match(/(?<![\w-])--?[A-Za-z][\w-]*/g) ?? []) flags.add(n);
      } else {
        for (const m of line.matchAll(/\]\(#([\w-]+)\)/g)) links.push(m[1]!);
      }
    }
    tabled.push(...flags);
    const command = /^### `portcullis((?: [a-z][\w-]*)*)(?: [<[].*)?`\s*$/.exec(heading!);
    if (command) {
      const path = command[1]!.trim();
      if (own.has(path)) throw new Error(`the CLI reference has two sections for "portcullis ${path}"`);
      own.set(path, { flags, links });
    } else {
      groups.set(slug(heading!.slice(4)), flags);
    }
  }
  const commands = new Map<string, Set<string>>();
  for (const [path, { flags, links }] of own) {
    const all = new Set(flags);
    for (const l of links) for (const f of groups.get(l) ?? []) all.add(f);
    commands.set(path, all);
  }
  return { commands, tabled };
}

// Read while collecting: one test per command.
const paths = commandPaths();
const helps = new Map<string, HelpFlag[]>();
for (const { path } of paths) helps.set(path, helpFlags(await helpOf(path)));
const aliasNames = DEPRECATED_ALIASES.map((a) => a.alias.split(' ')[0]!);

describe('the README CLI reference matches --help', () => {
  const reference = parseReference(README);

  it('the help parser reads what commander prints (a check of the test itself)', () => {
    expect(helps.get('')!.map((f) => f.long)).toEqual(['--version', '--debug', '--quiet']);
    expect(helps.get('scan')!.find((f) => f.long === '--output')).toEqual({ names: ['-o', '--output'], long: '--output', short: '-o', arg: 'required' });
    expect(helps.get('db update')!.find((f) => f.long === '--db-repository')?.arg).toBe('optional');
    expect(helps.get('scan')!.find((f) => f.long === '--insecure-registry')?.arg).toBe('required variadic');
    // A description that wraps onto a line starting with a flag is not read as an option.
    expect(helpFlags('Usage: x\n\nOptions:\n  --a <n>  one two\n           --b three\n  -h, --help  help\n').map((f) => f.long)).toEqual(['--a']);
  });

  it('the reference parser reads sections, groups and escaped pipes (a check of the test itself)', () => {
    const doc = [
      '<!-- cli-reference -->',
      '### Shared things',
      '| `--g <x>` | mentions `--not-a-flag-of-g` in the second cell |',
      '### `portcullis db status <x>`',
      'With the [shared things](#shared-things).',
      '| `-j, --json` | a |',
      '| `--api <v1\\|v2>` | b |',
      '<!-- /cli-reference -->',
    ].join('\n');
    const r = parseReference(doc);
    expect([...r.commands.keys()]).toEqual(['db status']);
    expect([...r.commands.get('db status')!].sort()).toEqual(['--api', '--g', '--json', '-j']);
  });

  it('every command (the program, every command with an action or options) has a section', () => {
    const required = paths.filter(({ path, cmd }) => path === '' || cmd.commands.length === 0 || helps.get(path)!.length > 0).map((p) => p.path);
    expect(required.filter((p) => !reference.commands.has(p)).map((p) => `portcullis ${p}`.trim())).toEqual([]);
    const known = new Set(paths.map((p) => p.path));
    expect([...reference.commands.keys()].filter((p) => !known.has(p)).map((p) => `portcullis ${p}`.trim())).toEqual([]);
  });

  for (const { path } of paths) {
    const title = `portcullis ${path}`.trim();
    it(`${title}: every flag in --help is in the README, and the reverse`, () => {
      const inHelp = new Set(helps.get(path)!.flatMap((f) => f.names));
      const inReadme = reference.commands.get(path) ?? new Set<string>();
      if (!reference.commands.has(path) && inHelp.size === 0) return; // a group with no options of its own
      expect({ command: title, missingFromReadme: [...inHelp].filter((f) => !inReadme.has(f)).sort() }).toEqual({ command: title, missingFromReadme: [] });
      expect({ command: title, notInHelp: [...inReadme].filter((f) => !inHelp.has(f)).sort() }).toEqual({ command: title, notInHelp: [] });
    });
  }

  it('deprecated aliases are hidden: in no --help and in no table of the reference', () => {
    for (const [path, flags] of helps) expect({ path, old: flags.flatMap((f) => f.names).filter((n) => aliasNames.includes(n)) }).toEqual({ path, old: [] });
    expect(reference.tabled.filter((n) => aliasNames.includes(n))).toEqual([]);
  });

  it('one option, one name: a flag has the same short form and the same kind of argument on every command', () => {
    const seen = new Map<string, { short: string; arg: string; on: string }>();
    const clashes: string[] = [];
    for (const [path, flags] of helps) {
      for (const f of flags) {
        const shape = { short: f.short ?? '(none)', arg: f.arg, on: `portcullis ${path}`.trim() };
        const first = seen.get(f.long);
        if (!first) seen.set(f.long, shape);
        else if (first.short !== shape.short || first.arg !== shape.arg) {
          clashes.push(`${f.long}: ${first.on} has ${first.short} ${first.arg}, ${shape.on} has ${shape.short} ${shape.arg}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});

// Nothing the project ships or runs in CI resolves a name that someone else could move: every `uses:` in the
// workflows is pinned by a full commit SHA (a tag can be re-pointed, as the trivy-action tag hijack of March 2026
// showed), and no shipped file runs `npx` on an unversioned package name or with `--yes` (which installs whatever
// the registry answers for that name, without a prompt).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/shared.js';

const WORKFLOWS = join(PROJECT_ROOT, '.github/workflows');

/** Every `uses:` value in a workflow or action document: steps' and reusable workflows' (jobs.<id>.uses). */
function usesOf(doc: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'uses' && typeof v === 'string') found.push(v);
        else walk(v);
      }
    }
  };
  walk(doc);
  return found;
}

/** Why a `uses:` value is not pinned, or undefined when it is (a local path, or owner/repo[/path]@<40 hex>, or docker://…@sha256:<64 hex>). */
function unpinnedUses(value: string): string | undefined {
  if (value.startsWith('./')) return undefined;
  if (value.startsWith('docker://')) return /@sha256:[0-9a-f]{64}$/.test(value) ? undefined : 'a docker:// action must be pinned by @sha256 digest';
  const m = /^([\w.-]+\/[\w.-]+(?:\/[\w./-]+)?)@(.+)$/.exec(value);
  if (!m) return 'not owner/repo@ref';
  return /^[0-9a-f]{40}$/.test(m[2]!) ? undefined : `ref "${m[2]}" is not a full commit SHA`;
}

/**
 * `npx` invocations in a text that run an unpinned name: the first non-option argument (the package, or `-p PKG`)
 * without an exact version (name@1.2.3), or any `--yes` / `-y`. Returns "line N: reason" items.
 */
function unpinnedNpx(text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/(?:^|[\s'"`(;|&])npx((?:\s+[^\s'"`;|&)]+)*)/g)) {
      const words = m[1]!.trim().split(/\s+/).filter(Boolean);
      if (words.some((w) => w === '--yes' || w === '-y' || w.startsWith('--yes='))) problems.push(`line ${i + 1}: npx --yes: ${line.trim()}`);
      let pkg: string | undefined;
      for (let j = 0; j < words.length; j++) {
        const w = words[j]!;
        if (w === '-p' || w === '--package') {
          pkg = words[j + 1];
          break;
        }
        if (w.startsWith('--package=')) {
          pkg = w.slice('--package='.length);
          break;
        }
        if (!w.startsWith('-')) {
          pkg = w;
          break;
        }
      }
      if (pkg === undefined) continue;
      if (!/^(?:@[\w.-]+\/)?[\w.-]+@\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(pkg)) problems.push(`line ${i + 1}: npx ${pkg} (no exact version): ${line.trim()}`);
    }
  });
  return problems;
}

/** The fenced code blocks of a Markdown text, each line keeping its line number in the file. */
function codeBlocks(markdown: string): string {
  let inside = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        inside = !inside;
        return '';
      }
      // inline code counts too: `npx --yes portcullis` in prose is an example a reader copies
      return inside ? line : [...line.matchAll(/`([^`]+)`/g)].map((x) => x[1]).join(' ; ');
    })
    .join('\n');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the checks themselves', () => {
  it('uses: a tag, a branch or a short SHA is unpinned; a full SHA, a local path and a docker digest are pinned', () => {
    expect(unpinnedUses('actions/checkout@v4')).toMatch(/not a full commit SHA/);
    expect(unpinnedUses('actions/checkout@main')).toMatch(/not a full commit SHA/);
    expect(unpinnedUses('actions/checkout@34e1148')).toMatch(/not a full commit SHA/);
    expect(unpinnedUses('actions/checkout@34e114876b0b11c390a56381ad16ebd13914f8d5')).toBeUndefined();
    expect(unpinnedUses('github/codeql-action/upload-sarif@' + 'a'.repeat(40))).toBeUndefined();
    expect(unpinnedUses('./')).toBeUndefined();
    expect(unpinnedUses('docker://alpine:3')).toMatch(/digest/);
    expect(unpinnedUses(`docker://alpine@sha256:${'b'.repeat(64)}`)).toBeUndefined();
    expect(usesOf(load('jobs:\n  a:\n    uses: org/repo/.github/workflows/x.yml@v1\n  b:\n    steps:\n      - uses: x/y@v2\n      - run: echo'))).toEqual([
      'org/repo/.github/workflows/x.yml@v1',
      'x/y@v2',
    ]);
  });

  it('npx: a bare name, a range, a tag or --yes is flagged; an exact version is not', () => {
    expect(unpinnedNpx('npx --yes portcullis scan x')).toHaveLength(2);
    expect(unpinnedNpx('run: npx portcullis scan x')).toEqual(['line 1: npx portcullis (no exact version): run: npx portcullis scan x']);
    expect(unpinnedNpx("cliCommand: 'npx --yes portcullis@0.1.0'")).toEqual(["line 1: npx --yes: cliCommand: 'npx --yes portcullis@0.1.0'"]);
    expect(unpinnedNpx('npx portcullis@latest db update')).toHaveLength(1);
    expect(unpinnedNpx('npx portcullis@^0.1.0 db update')).toHaveLength(1);
    expect(unpinnedNpx('npx -p @scope/tool@2 tool')).toHaveLength(1);
    expect(unpinnedNpx('npx portcullis@0.1.0 db update\nnpx --package=@scope/tool@1.2.3 tool')).toEqual([]);
    expect(unpinnedNpx('a line about npxyz and unpinned-npx is not a command')).toEqual([]);
  });
});

describe('every workflow action is pinned by a full commit SHA', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
  it('finds the workflows', () => {
    expect(files).toContain('release.yml');
  });
  for (const file of files) {
    it(`.github/workflows/${file}`, () => {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8');
      const uses = usesOf(load(text));
      const problems = uses.map((u) => [u, unpinnedUses(u)]).filter(([, why]) => why).map(([u, why]) => `${u}: ${why}`);
      expect(problems).toEqual([]);
      // a pinned SHA says which release it is, so that updates can be reviewed
      for (const line of text.split('\n').filter((l) => /^\s*-?\s*uses:\s*[\w.-]+\/[\w.-]+.*@[0-9a-f]{40}/.test(l))) {
        expect(line, file).toMatch(/@[0-9a-f]{40} # v\d+(\.\d+)*$/);
      }
    });
  }
  it('action.yml (a composite or node action) uses no unpinned action', () => {
    const uses = usesOf(load(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')));
    expect(uses.map((u) => unpinnedUses(u)).filter(Boolean)).toEqual([]);
  });
});

describe('no shipped file runs npx on an unversioned name or with --yes', () => {
  const shipped = [
    ...filesUnder(join(PROJECT_ROOT, 'integrations')),
    join(PROJECT_ROOT, 'action.yml'),
    join(PROJECT_ROOT, 'Containerfile'),
  ];
  for (const path of shipped) {
    it(relative(PROJECT_ROOT, path), () => {
      const text = readFileSync(path, 'utf8');
      expect(unpinnedNpx(path.endsWith('.md') ? codeBlocks(text) : text)).toEqual([]);
    });
  }
  it('README.md examples', () => {
    expect(unpinnedNpx(codeBlocks(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')))).toEqual([]);
  });
});

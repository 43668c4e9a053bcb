import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/cli/program.js';
import type { CliContext } from '../../src/cli/command.js';
import { ConfigurationError, ImageError } from '../../src/common/errors.js';
import { createRecordingLogger } from '../../src/common/logger.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

function fakeContext(): CliContext & { output: () => string } {
  const chunks: string[] = [];
  return {
    logger: createRecordingLogger(),
    out: (text) => void chunks.push(text),
    stdin: Readable.from([]),
    env: {},
    outcome: 'go',
    output: () => chunks.join(''),
  };
}

async function run(...argv: string[]): Promise<string> {
  const ctx = fakeContext();
  await runProgram(argv, ctx);
  return ctx.output();
}

async function runError(...argv: string[]): Promise<Error> {
  try {
    await runProgram(argv, fakeContext());
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return e as Error;
  }
  throw new Error(`expected ${argv.join(' ')} to fail`);
}

const MINI = `oci-dir:${sharedPath('fixtures/images/mini/debian-app-mini.oci')}:app`;

describeShared('CLI: portcullis image on the mini layout', () => {
  it('image inspect prints digests, platform, and the layers with their history', async () => {
    const out = await run('image', 'inspect', MINI);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`Reference:  ${MINI}`);
    expect(out).toContain('Source:     oci-dir\n');
    expect(out).toContain('Manifest:   sha256:b6e32c0d905af80f507b3b20e1cee34b0e3d27dd366b9a0ff66519a592373515 (application/vnd.oci.image.manifest.v1+json)\n');
    expect(out).toContain('Config:     sha256:8708a7fcb893265722c296d993c3da9a9e09d9f440f12d23d71bf6a2856f26d3\n');
    expect(out).toContain('Platform:   linux/amd64\n');
    expect(out).toContain('Files:      605 paths in the squashed view\n');
    expect(out).toContain('Layers:     5\n');
    expect(lines.filter((l) => /^ {2}\[\d\] sha256:[0-9a-f]{64} {2}.+ stored, .+ tar, \d+ entries$/.test(l))).toHaveLength(5);
    expect(out).toContain('      diff_id sha256:f17016f893e8918b620b46939f34902a4bc705f3e55cdd6f92f8d9c5a532afd6\n');
    expect(out).toMatch(/\[3\] sha256:[0-9a-f]{64} .*\n {6}diff_id sha256:731c10bd[0-9a-f]+\n {6}created by: npm install lodash@4\.17\.21/);
    expect(out).not.toContain('Unknowns:');
  });

  it('image inspect --json gives the same facts as JSON', async () => {
    const doc = JSON.parse(await run('image', 'inspect', '--json', MINI)) as Record<string, unknown> & {
      layers: { index: number; digest: string; diffId: string; size: number; uncompressedSize: number; entries: number; createdBy: string | null; historyIndex: number | null }[];
    };
    expect(doc).toMatchObject({
      reference: MINI,
      source: 'oci-dir',
      manifestDigest: 'sha256:b6e32c0d905af80f507b3b20e1cee34b0e3d27dd366b9a0ff66519a592373515',
      configDigest: 'sha256:8708a7fcb893265722c296d993c3da9a9e09d9f440f12d23d71bf6a2856f26d3',
      platform: { os: 'linux', architecture: 'amd64' },
      files: 605,
      unknowns: [],
    });
    expect(doc.layers).toHaveLength(5);
    expect(doc.layers.map((l) => l.index)).toEqual([0, 1, 2, 3, 4]);
    expect(doc.layers[4]).toMatchObject({ diffId: 'sha256:f17016f893e8918b620b46939f34902a4bc705f3e55cdd6f92f8d9c5a532afd6', uncompressedSize: 10240, entries: 6 });
    expect(doc.layers[3]!.createdBy).toMatch(/overwrite \/app\/config\.json/);
    expect(doc.layers.every((l) => l.historyIndex !== null && l.size > 0)).toBe(true);
    expect((doc.history as unknown[]).length).toBe(7);
  });

  it('image inspect --platform picks an index entry', async () => {
    const ref = `oci-dir:${sharedPath('fixtures/images/mini/debian-app-mini.oci')}:app-multiarch`;
    expect(await run('image', 'inspect', '--platform', 'linux/arm64/v8', ref)).toContain('Platform:   linux/arm64/v8\n');
  });

  it('image ls-files lists the squashed view with provenance', async () => {
    const out = await run('image', 'ls-files', MINI);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(605);
    expect(lines).toContain('-rw-r--r--         27  L3  /app/config.json');
    expect(lines).toContain('-rw-r--r--         65  L4  /opt/data/new.txt');
    expect(lines.find((l) => l.endsWith('/opt/data/new-symlink.txt -> new.txt'))).toMatch(/^lrwxrwxrwx +0 {2}L4 {2}/);
    expect(lines.find((l) => l.includes('/opt/data/new-hardlink.txt'))).toMatch(/^h.+ L4 {2}\/opt\/data\/new-hardlink\.txt -> \/opt\/data\/new\.txt$/);
    expect(out).not.toContain('/usr/bin/curl');
    expect(out).not.toContain('/opt/data/old1.txt');
    const paths = lines.map((l) => l.split(/\s+L\d\s+/)[1]!.split(' -> ')[0]!);
    expect(paths).toEqual([...paths].sort());
  });

  it('image ls-files --layer N lists only what that layer wrote and survives', async () => {
    const out = await run('image', 'ls-files', '--layer', '4', MINI);
    expect(out.trimEnd().split('\n').map((l) => l.split(/\s+L4\s+/)[1])).toEqual([
      '/opt/data',
      '/opt/data/new-hardlink.txt -> /opt/data/new.txt',
      '/opt/data/new-symlink.txt -> new.txt',
      '/opt/data/new.txt',
      '/opt',
    ].sort());
    const jsonLines = (await run('image', 'ls-files', '--layer', '3', '--json', MINI)).trimEnd().split('\n');
    const entries = jsonLines.map((l) => JSON.parse(l) as { path: string; provenance: { layerIndex: number; createdBy: string } });
    expect(entries.every((e) => e.provenance.layerIndex === 3)).toBe(true);
    expect(entries.find((e) => e.path === '/app/config.json')?.provenance.createdBy).toMatch(/overwrite \/app\/config\.json/);
  });

  it('image ls-files --layer out of range is a ConfigurationError', async () => {
    const e = await runError('image', 'ls-files', '--layer', '5', MINI);
    expect(e.message).toBe('--layer must be a layer index from 0 to 4, got "5"');
    expect((await runError('image', 'ls-files', '--layer', 'x', MINI)).message).toBe('--layer must be a layer index from 0 to 4, got "x"');
  });
});

describe('CLI: portcullis image errors', () => {
  it('a missing image is an ImageError, a ConfigurationError', async () => {
    const e = await runError('image', 'inspect', 'oci-dir:/nonexistent/layout');
    expect(e).toBeInstanceOf(ImageError);
    expect(e.message).toBe('OCI layout /nonexistent/layout does not exist');
  });

  it('a bad platform, a bad flag and a missing argument are ConfigurationErrors', async () => {
    expect((await runError('image', 'inspect', '--platform', 'linux', 'oci-dir:/x')).message).toBe(
      'invalid platform "linux": expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8',
    );
    expect((await runError('image', 'inspect', '--max-file-bytes', '-1', 'oci-dir:/x')).message).toBe('--max-file-bytes must be a positive integer, got "-1"');
    expect((await runError('image', 'inspect', '--no-such-flag', 'oci-dir:/x')).message).toBe("unknown option '--no-such-flag'");
    expect((await runError('image', 'ls-files')).message).toBe("missing required argument 'ref'");
  });

  it('--help prints usage and returns', async () => {
    const out = await run('image', 'ls-files', '--help');
    expect(out).toContain('Usage: portcullis image ls-files [options] <ref>');
    expect(out).toContain('--layer <n>');
  });
});

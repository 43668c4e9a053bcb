import type { Command } from 'commander';
import type { CliCommand, CliContext } from '../command.js';
import { ConfigurationError } from '../../common/errors.js';
import { loadImage } from '../../image/open.js';
import { formatPlatform } from '../../image/manifest.js';
import type { FileEntry } from '../../model/index.js';
import { addSourceOptions, buildSourceOptions } from '../source-options.js';

export const imageCommand: CliCommand = {
  id: 'image',
  register(program: Command, ctx: CliContext) {
    const image = program.command('image').description('read an image without running it: inspect its metadata and files');

    addSourceOptions(
      image
        .command('inspect')
        .description('print the manifest and config digests, the platform, and the layers with sizes and history')
        .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, or a bare NAME')
        .option('--json', 'print JSON instead of text'),
    ).action(async (ref: string, opts: Record<string, unknown>) => {
      const view = await loadImage(ref, await buildSourceOptions(opts, ctx));
      const m = view.metadata;
      const layers = m.layers.map((l) => ({
        index: l.index,
        digest: l.digest,
        diffId: l.diffId,
        mediaType: l.mediaType,
        size: l.size,
        uncompressedSize: view.stats.layers[l.index]?.tarBytes ?? null,
        entries: view.stats.layers[l.index]?.entries ?? null,
        createdBy: l.history?.created_by ?? null,
        historyIndex: l.historyIndex ?? null,
      }));
      if (opts.json) {
        ctx.out(
          `${JSON.stringify(
            {
              reference: m.reference,
              source: m.source,
              manifestDigest: m.manifestDigest ?? null,
              manifestMediaType: m.manifestMediaType ?? null,
              indexDigest: m.indexDigest ?? null,
              configDigest: m.configDigest,
              platform: m.platform,
              repoTags: m.repoTags,
              created: m.config.created ?? null,
              config: m.config.config ?? {},
              layers,
              history: m.config.history ?? [],
              files: view.size,
              unknowns: view.unknowns,
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      const lines = [
        `Reference:  ${m.reference}`,
        `Source:     ${m.source}`,
        `Manifest:   ${m.manifestDigest ?? '(none: from a docker archive)'}${m.manifestMediaType ? ` (${m.manifestMediaType})` : ''}`,
        ...(m.indexDigest ? [`Index:      ${m.indexDigest}`] : []),
        `Config:     ${m.configDigest}`,
        `Platform:   ${formatPlatform(m.platform)}`,
        ...(m.repoTags.length ? [`Tags:       ${m.repoTags.join(', ')}`] : []),
        `Files:      ${view.size} paths in the squashed view`,
        `Layers:     ${m.layers.length}`,
      ];
      for (const l of layers) {
        lines.push(`  [${l.index}] ${l.digest}  ${formatBytes(l.size)} stored, ${formatBytes(l.uncompressedSize ?? 0)} tar, ${l.entries} entries`);
        lines.push(`      diff_id ${l.diffId}`);
        if (l.createdBy) lines.push(`      created by: ${oneLine(l.createdBy)}`);
      }
      if (view.unknowns.length) {
        lines.push(`Unknowns:   ${view.unknowns.length}`);
        for (const u of view.unknowns) lines.push(`  ${u.path ?? ''}: ${u.reason}`);
      }
      ctx.out(`${lines.join('\n')}\n`);
    });

    addSourceOptions(
      image
        .command('ls-files')
        .description('list the squashed file view, each path with the layer that last wrote it')
        .argument('<ref>', 'image reference (see `portcullis image inspect --help`)')
        .option('--layer <n>', 'list only the entries that layer N (0-based) wrote and that survive in the squashed view')
        .option('--json', 'print JSON lines instead of text'),
    ).action(async (ref: string, opts: Record<string, unknown>) => {
      const view = await loadImage(ref, await buildSourceOptions(opts, ctx));
      let entries: FileEntry[] = view.list();
      if (opts.layer !== undefined) {
        const n = Number(opts.layer);
        if (!Number.isInteger(n) || n < 0 || n >= view.metadata.layers.length) {
          throw new ConfigurationError(`--layer must be a layer index from 0 to ${view.metadata.layers.length - 1}, got "${String(opts.layer)}"`);
        }
        entries = entries.filter((e) => e.provenance.layerIndex === n);
      }
      const out: string[] = [];
      for (const e of entries) {
        if (opts.json) out.push(JSON.stringify(e));
        else out.push(`${modeString(e)} ${String(e.size).padStart(10)}  L${e.provenance.layerIndex}  ${e.path}${e.linkTarget !== undefined ? ` -> ${e.linkTarget}` : ''}`);
      }
      ctx.out(out.length ? `${out.join('\n')}\n` : '');
    });
  },
};

function modeString(e: FileEntry): string {
  const t = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p' }[e.type];
  const bits = 'rwxrwxrwx'.split('').map((c, i) => (e.mode & (1 << (8 - i)) ? c : '-')).join('');
  return t + bits;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

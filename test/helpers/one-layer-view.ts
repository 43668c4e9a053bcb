import { RequestMatcher, type FileRequest } from '../../src/image/file-request.js';
import { FileView } from '../../src/image/file-view.js';
import { LayerCollector } from '../../src/image/layer-collector.js';
import type { ImageMetadata } from '../../src/model/index.js';

/**
 * A one-layer image of `files` (absolute path → content), read through the real layer collector with `requests`
 * and the per-file cap `maxFileBytes`, so that caps, captures and unknowns behave as in a scan.
 */
export function oneLayerView(files: Record<string, Buffer | string>, requests: readonly FileRequest[], maxFileBytes = 64 * 1024 * 1024): FileView {
  const collector = new LayerCollector(new RequestMatcher(requests), maxFileBytes, 'sha256:test');
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const base = { mode: 0o755, uid: 0, gid: 0, mtime: 0, linkname: '' };
  for (const d of [...dirs].sort()) collector.add({ ...base, name: d, type: 'dir', size: 0 });
  for (const [path, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const sink = collector.add({ ...base, name: path.slice(1), type: 'file', size: data.length });
    sink?.data(data);
    sink?.end();
  }
  const metadata: ImageMetadata = {
    reference: 'test',
    source: 'test',
    configDigest: '',
    platform: { os: 'linux', architecture: 'amd64' },
    layers: [{ index: 0, digest: 'sha256:test', diffId: 'sha256:diff', mediaType: 'test', size: 0 }],
    config: { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: ['sha256:diff'] } },
    repoTags: [],
    repoDigests: [],
  };
  return FileView.squash(metadata, [collector.result]);
}

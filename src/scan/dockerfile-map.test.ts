import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../test/helpers/shared.js';
import { silentLogger } from '../common/logger.js';
import { ociDirSource } from '../image/sources/oci-dir.js';
import type { HistoryEntry, ImageMetadata, LayerInfo } from '../model/index.js';
import { classifyHistoryEntry, mapLayersToDockerfile, parseDockerfileStages } from './dockerfile-map.js';

async function metadataOf(ref: string): Promise<ImageMetadata> {
  const raw = `oci-dir:${sharedPath('fixtures/images/debian-fixtures.oci')}:${ref}`;
  const opened = await ociDirSource.open(
    { raw, scheme: 'oci-dir', location: raw.slice('oci-dir:'.length) },
    { env: {}, logger: silentLogger, platform: { os: 'linux', architecture: 'amd64' } },
  );
  await opened.close();
  if (opened.kind !== 'layered') throw new Error('expected a layered image');
  return opened.metadata;
}

/** The ground truth's layers.tsv: layer index → [start, end] lines, or 'base' / 'squashed [start,end]'. */
function groundTruth(ref: string): Map<number, { start?: number; end?: number; instruction: string }> {
  const text = readFileSync(sharedPath('fixtures/images/dockerfile-app/ground-truth', ref, 'app.layers.tsv'), 'utf8');
  const rows = text.trim().split('\n').slice(1).map((l) => l.split('\t'));
  return new Map(
    rows.map((r) => [
      Number(r[0]),
      { ...(r[8] ? { start: Number(r[8]) } : {}), ...(r[9] ? { end: Number(r[9]) } : {}), instruction: r[10]! },
    ]),
  );
}

describeShared('mapLayersToDockerfile on the dockerfile-app refs', () => {
  const dockerfile = () => readFileSync(sharedPath('fixtures/images/dockerfile-app/context/Dockerfile'), 'utf8');
  const cases: [ref: string, truth: string][] = [
    ['dockerfile-app-buildah-layers', 'buildah-layers'],
    ['dockerfile-app-buildkit', 'buildkit'],
    ['dockerfile-app-buildkit-index', 'buildkit'],
    ['dockerfile-app-classic', 'classic'],
    ['dockerfile-app-classic-oci', 'classic'],
  ];
  for (const [ref, truthRef] of cases) {
    it(`maps every layer of ${ref} to its ground-truth line`, async () => {
      const meta = await metadataOf(ref);
      const truth = groundTruth(truthRef);
      expect(meta.layers.length).toBe(truth.size);
      const mapping = mapLayersToDockerfile(meta.layers, meta.config.history ?? [], dockerfile());
      expect(mapping.squashed).toBe(false);
      expect(mapping.fits).toBe(true);
      expect(mapping.matched).toBe(13);
      for (const origin of mapping.origins) {
        const t = truth.get(origin.layerIndex)!;
        if (t.instruction.startsWith('base image')) {
          expect(origin).toMatchObject({ base: true, line: 3, instruction: 'FROM localhost/fixtures/debian-minbase:bookworm' });
        } else {
          expect(origin.base).toBeUndefined();
          expect([origin.line, origin.endLine]).toEqual([t.start, t.end]);
          expect(origin.instruction?.split(' ')[0]).toBe(t.instruction);
        }
      }
    });
  }

  for (const ref of ['dockerfile-app-buildah-layers', 'dockerfile-app-buildkit', 'dockerfile-app-classic']) {
    it(`${ref}: a Dockerfile that does not fit the history (text, count) maps no layer, with a one-line reason`, async () => {
      const meta = await metadataOf(ref);
      const history = meta.config.history ?? [];
      const edited = dockerfile().replace('npm ci --omit=dev', 'npm install');
      const text = mapLayersToDockerfile(meta.layers, history, edited);
      expect(text.fits).toBe(false);
      expect(text.mismatch).toMatch(/^the Dockerfile does not fit the image's history: line 29 RUN npm install/);
      expect(text.origins).toEqual(meta.layers.map((l) => ({ layerIndex: l.index })));
      const extra = mapLayersToDockerfile(meta.layers, history, dockerfile().replace('USER app', 'RUN chmod -R a-w /srv/app\nUSER app'));
      expect(extra.fits).toBe(false);
      expect(extra.mismatch).toMatch(/instruction\(s\) have no entry in the image history \(first: line 34 RUN chmod -R a-w \/srv\/app\)/);
      const fewer = mapLayersToDockerfile(meta.layers, history, dockerfile().replace(/^COPY \. \.$/m, ''));
      expect(fewer.fits).toBe(false);
      expect(fewer.origins.every((o) => o.line === undefined)).toBe(true);
    });
  }

  it('reports the whole stage for a squashed layer (buildah without --layers)', async () => {
    // buildah-squashed is not kept in the layout; its history is in the ground truth. Rebuild the two layers from it.
    const rows = readFileSync(sharedPath('fixtures/images/dockerfile-app/ground-truth/buildah-squashed/app.history.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const history: HistoryEntry[] = rows.map((r) => ({ created_by: r[8]!, empty_layer: r[2] === 'true' }));
    const layers: LayerInfo[] = [];
    history.forEach((h, i) => {
      if (!h.empty_layer) layers.push({ index: layers.length, digest: `sha256:${i}`, diffId: `sha256:${i}`, mediaType: 'x', size: 0, history: h, historyIndex: i });
    });
    expect(layers.map((l) => l.historyIndex)).toEqual([0, 14]);
    const mapping = mapLayersToDockerfile(layers, history, dockerfile());
    expect(mapping.squashed).toBe(true);
    expect(mapping.origins).toEqual([
      { layerIndex: 0, line: 3, instruction: 'FROM localhost/fixtures/debian-minbase:bookworm', base: true },
      { layerIndex: 1, line: 5, endLine: 36, instruction: 'squashed stage', squashed: true },
    ]);
  });
});

/** Builds layers from a synthetic history, the way the image reader does (empty_layer entries skipped). */
function layersOf(history: HistoryEntry[]): LayerInfo[] {
  const layers: LayerInfo[] = [];
  history.forEach((h, i) => {
    if (!h.empty_layer) layers.push({ index: layers.length, digest: `sha256:${i}`, diffId: `sha256:${i}`, mediaType: 'x', size: 0, history: h, historyIndex: i });
  });
  return layers;
}

describe('mapLayersToDockerfile on synthetic histories', () => {
  it('maps a multi-stage build: only the final stage makes layers; COPY --from maps to its line', () => {
    const dockerfile = [
      'FROM golang:1.22 AS build', //          1
      'WORKDIR /src', //                        2
      'RUN go build -o /out/app .', //          3
      '', //                                    4
      'FROM gcr.io/distroless/static AS run', // 5
      'COPY --from=build /out/app /app', //     6
      'USER nonroot', //                        7
      'ENTRYPOINT ["/app"]', //                 8
    ].join('\n');
    const history: HistoryEntry[] = [
      { created_by: 'bazel build ...' },
      { created_by: 'bazel build ... (2)' },
      { created_by: 'COPY /out/app /app # buildkit', comment: 'buildkit.dockerfile.v0' },
      { created_by: 'USER nonroot', empty_layer: true },
      { created_by: 'ENTRYPOINT ["/app"]', empty_layer: true },
    ];
    const { origins, baseFromLine } = mapLayersToDockerfile(layersOf(history), history, dockerfile);
    expect(baseFromLine).toBe(5);
    expect(origins).toEqual([
      { layerIndex: 0, line: 5, instruction: 'FROM gcr.io/distroless/static AS run', base: true },
      { layerIndex: 1, line: 5, instruction: 'FROM gcr.io/distroless/static AS run', base: true },
      { layerIndex: 2, line: 6, endLine: 6, instruction: 'COPY --from=build /out/app /app' },
    ]);
  });

  it('follows a final stage built FROM an earlier stage, and maps base layers to the root FROM', () => {
    const dockerfile = ['FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base', 'COPY app /app'].join('\n');
    const history: HistoryEntry[] = [
      { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
      { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
      { created_by: '/bin/sh -c apt-get update && apt-get install -y curl' },
      { created_by: '/bin/sh -c #(nop) COPY file:def in /app ' },
    ];
    const { origins } = mapLayersToDockerfile(layersOf(history), history, dockerfile);
    expect(origins.map((o) => [o.line, o.base ?? false])).toEqual([
      [1, true],
      [2, false],
      [4, false],
    ]);
  });

  it('keeps the pairing when the history lacks entries for some instructions (older BuildKit without ARG entries)', () => {
    const dockerfile = ['FROM alpine:3.20', 'ARG V=1', 'RUN apk add --no-cache curl', 'ARG W=2', 'RUN echo $W > /w'].join('\n');
    const history: HistoryEntry[] = [
      { created_by: '/bin/sh -c #(nop) ADD file:1 in / ' },
      { created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
      { created_by: 'RUN |1 V=1 /bin/sh -c apk add --no-cache curl # buildkit' },
      { created_by: 'RUN |2 V=1 W=2 /bin/sh -c echo $W > /w # buildkit' },
    ];
    const { origins, matched } = mapLayersToDockerfile(layersOf(history), history, dockerfile);
    expect(matched).toBe(2);
    expect(origins.map((o) => o.line)).toEqual([1, 3, 5]);
  });

  it('uses the RUN text to place layers when keywords alone are ambiguous (base image entries that are RUNs)', () => {
    const dockerfile = ['FROM node:20', 'RUN npm ci', 'RUN npm run build'].join('\n');
    const history: HistoryEntry[] = [
      { created_by: '/bin/sh -c set -eux; apt-get install node' },
      { created_by: '/bin/sh -c npm ci' },
      { created_by: '/bin/sh -c npm run build' },
    ];
    const { origins } = mapLayersToDockerfile(layersOf(history), history, dockerfile);
    expect(origins.map((o) => [o.line, o.base ?? false])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
  });

  it('leaves layers unmapped when there is no history or no Dockerfile instruction', () => {
    const layers: LayerInfo[] = [{ index: 0, digest: 'sha256:a', diffId: 'sha256:a', mediaType: 'x', size: 0 }];
    expect(mapLayersToDockerfile(layers, [], 'FROM scratch\nCOPY a /a').origins).toEqual([{ layerIndex: 0 }]);
    expect(mapLayersToDockerfile(layersOf([{ created_by: 'x' }]), [{ created_by: 'x' }], '# empty').origins).toEqual([{ layerIndex: 0 }]);
  });
});

describe('mapLayersToDockerfile: does the Dockerfile fit?', () => {
  it('an exec-form RUN fits every builder’s record of it', () => {
    const dockerfile = 'FROM alpine:3.20\nRUN ["/bin/x", "-y"]';
    for (const createdBy of ['RUN /bin/x -y # buildkit', '/bin/x -y', '/bin/sh -c ["/bin/x", "-y"]']) {
      const history: HistoryEntry[] = [{ created_by: '/bin/sh -c #(nop) ADD file:1 in / ' }, { created_by: createdBy }];
      const m = mapLayersToDockerfile(layersOf(history), history, dockerfile);
      expect([createdBy, m.fits, m.origins[1]!.line]).toEqual([createdBy, true, 2]);
    }
  });

  it('a COPY whose destination differs does not fit', () => {
    const history: HistoryEntry[] = [{ created_by: '/bin/sh -c #(nop) ADD file:1 in / ' }, { created_by: '/bin/sh -c #(nop) COPY dir:abc in /opt ' }];
    const m = mapLayersToDockerfile(layersOf(history), history, 'FROM alpine\nCOPY . /srv');
    expect(m.fits).toBe(false);
    expect(m.mismatch).toMatch(/line 2 COPY \. \/srv differs from history entry 1/);
  });

  it('an image without history does not fit', () => {
    const layers: LayerInfo[] = [{ index: 0, digest: 'sha256:a', diffId: 'sha256:a', mediaType: 'x', size: 0 }];
    expect(mapLayersToDockerfile(layers, [], 'FROM scratch\nCOPY a /a')).toMatchObject({ fits: false, mismatch: expect.stringMatching(/none of the image's 0 history entries/) });
  });
});

describe('classifyHistoryEntry', () => {
  it.each([
    ['/bin/sh -c #(nop)  ARG APP_VERSION=1.4.2', 'ARG'],
    ['/bin/sh -c #(nop) WORKDIR /srv/app', 'WORKDIR'],
    ['/bin/sh -c #(nop) COPY dir:f000 in . ', 'COPY'],
    ['COPY . . # buildkit', 'COPY'],
    ['EXPOSE map[8080/tcp:{}]', 'EXPOSE'],
    ['|2 A=1 B=2 /bin/sh -c npm ci', 'RUN'],
    ['RUN |1 K=V /bin/x -y # buildkit', 'RUN'],
    ['debootstrap --variant=minbase bookworm', 'RUN'],
  ])('%s → %s', (createdBy, keyword) => {
    expect(classifyHistoryEntry(createdBy).keyword).toBe(keyword);
  });

  it('extracts the RUN command from every builder format', () => {
    expect(classifyHistoryEntry('RUN |2 A=1 B=2 /bin/sh -c npm ci  && x # buildkit').text).toBe('npm ci  && x');
    expect(classifyHistoryEntry('|2 A=1 B=2 /bin/sh -c npm ci').text).toBe('npm ci');
    expect(classifyHistoryEntry('RUN |1 K=V /bin/x -y # buildkit').text).toBe('/bin/x -y');
  });
});

describe('parseDockerfileStages', () => {
  it('splits stages, keeps flags apart and joins continuations without comment lines', () => {
    const stages = parseDockerfileStages('# syntax=docker/dockerfile:1\nFROM --platform=$BUILDPLATFORM a AS Build\nRUN --mount=type=cache,target=/c echo a \\\n  # note\n  b\nFROM b\n');
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatchObject({ name: 'build', from: 'a', fromLine: 2 });
    expect(stages[0]!.instructions[0]).toMatchObject({ keyword: 'RUN', flags: ['--mount=type=cache,target=/c'], line: 3, endLine: 5 });
    expect(stages[0]!.instructions[0]!.args.replace(/\s+/g, ' ')).toBe('echo a b');
  });
});

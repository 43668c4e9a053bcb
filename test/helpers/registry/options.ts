import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecordingLogger } from '../../../src/common/logger.js';
import type { FileView } from '../../../src/image/file-view.js';
import type { SourceOptions } from '../../../src/image/source.js';

let counter = 0;

/**
 * Source options for tests: a docker config dir that does not exist (never the developer's ~/.docker; a test that
 * needs a config.json writes one with writeDockerConfig and removes it), and a recording logger.
 */
export function testSourceOptions(overrides: Partial<SourceOptions> = {}): SourceOptions & { logger: ReturnType<typeof createRecordingLogger> } {
  const logger = createRecordingLogger();
  return {
    env: { ...process.env },
    dockerConfigDir: join(tmpdir(), `portcullis-no-docker-config-${process.pid}-${++counter}`),
    ...overrides,
    logger,
  };
}

/** Writes `<dir>/config.json`, creating the directory. */
export function writeDockerConfig(dir: string, doc: unknown): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(doc));
}

/** The squashed file set, one line per entry, for comparing two reads of the same image. */
export function fileSummary(view: FileView): string[] {
  return view.list().map((e) => [e.path, e.type, e.size, e.mode.toString(8), e.uid, e.gid, e.linkTarget ?? ''].join(' '));
}

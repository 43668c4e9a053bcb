// Shared helpers for the Jenkins and GitLab wrapper tests: where the tools are, and whether the CLI can scan yet.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, sharedPath } from '../helpers/shared.js';

export const CLI_BIN = join(PROJECT_ROOT, 'bin/portcullis.js');
/** How the wrappers are told to run the CLI in these tests: the committed bundle, with the Node running the tests. */
export const CLI_COMMAND = `${process.execPath} ${CLI_BIN}`;
export const TEST_POLICIES = join(PROJECT_ROOT, 'integrations/testdata/policies');
export const MINI_DOCKER_ARCHIVE = sharedPath('fixtures/images/mini/app-mini.docker-archive.tar');

export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Why the end-to-end cases cannot run here, or undefined when they can. */
export function e2eBlocker(): string | undefined {
  if (!existsSync(MINI_DOCKER_ARCHIVE)) return `${MINI_DOCKER_ARCHIVE} is absent (shared fixtures)`;
  const help = spawnSync(process.execPath, [CLI_BIN, 'scan', '--help'], { encoding: 'utf8' });
  if (help.status !== 0 || !help.stdout.includes('--fail-on')) return 'the CLI bundle has no `scan` command yet (run `npm run build`)';
  return undefined;
}

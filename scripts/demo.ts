/**
 * `npm run demo`: builds the bundled example image (examples/demo-image.ts) as an OCI layout under .tmp/demo/,
 * then runs the committed CLI bundle on it, as a user would.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildImage, writeOciLayout } from '../test/helpers/image-builder.js';
import { DEMO_IMAGE } from '../examples/demo-image.js';
import { PROJECT_ROOT } from '../test/helpers/shared.js';

const dir = join(PROJECT_ROOT, '.tmp/demo/example.oci');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeOciLayout(dir, buildImage(DEMO_IMAGE));
const ref = `oci-dir:${relative(process.cwd(), dir)}:demo`;

const commands = [
  ['image', 'inspect', ref],
  ['image', 'ls-files', ref],
];
let status = 0;
for (const args of commands) {
  console.log(`\n$ portcullis ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/portcullis.js'), ...args], { stdio: 'inherit' });
  status = Math.max(status, r.status ?? 3);
}
process.exit(status);

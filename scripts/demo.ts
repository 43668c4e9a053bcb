/**
 * `npm run demo`: builds the bundled example image (examples/demo-image.ts) as an OCI layout under .tmp/demo/,
 * then runs the committed CLI bundle on it, as a user would: inspect it, then scan it with the bundled default
 * policy and the example Dockerfile, writing JSON, SARIF and CycloneDX reports beside it.
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

const out = relative(process.cwd(), join(PROJECT_ROOT, '.tmp/demo'));
const dockerfile = relative(process.cwd(), join(PROJECT_ROOT, 'examples/demo.Dockerfile'));
const run = (args: string[]): number => {
  console.log(`\n$ portcullis ${args.join(' ')}`);
  return spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin/portcullis.js'), ...args], { stdio: 'inherit' }).status ?? 3;
};

if (run(['image', 'inspect', ref]) !== 0) process.exit(1);
// The demo downloads nothing: it compiles a database from the bundled example advisories (examples/vulndata: OSV
// records and an NVD page), imports it, and scans offline. Real scans use `portcullis db update`.
const data = relative(process.cwd(), join(PROJECT_ROOT, 'examples/vulndata'));
const db = `${out}/vulndb.pcdb.gz`;
const cache = `${out}/cache`;
if (run(['db', 'build', '--source', `osv-local:${data}/osv`, '--source', `nvd:${data}/nvd`, '--output', db]) !== 0) process.exit(1);
if (run(['db', 'import', db, '--cache-dir', cache]) !== 0) process.exit(1);
// --max-db-age: the example data is a fixed snapshot of 2024; a real database older than 7 days warns.
const code = run([
  'scan', ref, '--offline', '--db-cache-dir', cache, '--max-db-age', '36500', '--dockerfile', dockerfile,
  '-o', 'table', '-o', `json=${out}/report.json`, '-o', `sarif=${out}/report.sarif`, '-o', `cyclonedx=${out}/sbom.cdx.json`,
]);
const meaning: Record<number, string> = { 0: 'GO', 1: 'STOP', 2: 'WARN', 3: 'error' };
console.log(`\nportcullis scan exited ${code} (${meaning[code] ?? 'unexpected'}). The default policy STOPs on the exposed port 22 and on two High vulnerabilities (the Debian one rated by NVD, its record having no severity).`);
console.log(`Reports: ${out}/report.json, ${out}/report.sarif, ${out}/sbom.cdx.json`);
process.exit(code === 3 ? 1 : 0);

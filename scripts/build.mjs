// Bundles the two entrypoints with @vercel/ncc into dist/ (committed; CI checks it does not drift).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
for (const name of ['cli', 'action']) {
  rmSync(`dist/${name}`, { recursive: true, force: true });
  execFileSync(process.execPath, [ncc, 'build', `src/entrypoints/${name}.ts`, '-o', `dist/${name}`, '--license', 'licenses.txt', '--quiet', '--transpile-only', '--target', 'es2022'], {
    stdio: 'inherit',
  });
}

// Bundles the two entrypoints with @vercel/ncc into dist/ (committed; CI checks it does not drift).
// No --transpile-only: ncc's transpile-only mode emits the NodeNext sources as CommonJS, so webpack resolves the
// `require` export condition and fails on the ESM-only @actions/* 3.x+ packages (vercel/ncc#1311). The full
// ts-loader pass sees "type": "module" and keeps ESM imports (and fails the build on a type error).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
for (const name of ['cli', 'action']) {
  rmSync(`dist/${name}`, { recursive: true, force: true });
  execFileSync(process.execPath, [ncc, 'build', `src/entrypoints/${name}.ts`, '-o', `dist/${name}`, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], {
    stdio: 'inherit',
  });
}

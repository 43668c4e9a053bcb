/**
 * The committed bundles must not hold a path of the machine that built them. ncc's asset relocator rewrites some
 * path expressions (`resolve(root, '.' + path)` once became `__nccwpck_require__.ab + "main/" + root …`), which
 * breaks at run time and differs per checkout folder.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/shared.js';

describe('dist bundles hold no build-machine paths', () => {
  for (const name of ['cli', 'action']) {
    it(`dist/${name}/index.js`, () => {
      const text = readFileSync(join(PROJECT_ROOT, 'dist', name, 'index.js'), 'latin1');
      expect(text.includes(PROJECT_ROOT)).toBe(false);
      const relocated = [...text.matchAll(/__nccwpck_require__\.ab \+ "([^"]*)"/g)].map((m) => m[1]!);
      // Only ncc's own emitted assets (pino's workers) are relocated; none names the checkout folder.
      expect(relocated.filter((p) => p.includes('/') || p.startsWith(basename(PROJECT_ROOT)))).toEqual([]);
    });
  }
});

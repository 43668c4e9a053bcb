import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../test/helpers/shared.js';
import { CATALOGERS } from '../catalog/list.js';
import { GATES } from '../policy/gates/list.js';
import { renderPluginsDoc } from './plugins-table.js';

describe('docs/plugins.md', () => {
  it('is what the registries say (run `npm run gen:docs` after registering a plugin)', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'docs/plugins.md'), 'utf8')).toBe(renderPluginsDoc());
  });

  it('lists every cataloger and every gate', () => {
    const doc = renderPluginsDoc();
    for (const c of CATALOGERS) expect(doc).toContain(`\`${c.id}\``);
    for (const g of GATES) expect(doc).toContain(`\`${g.name}\``);
  });
});

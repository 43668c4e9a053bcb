/** Writes docs/plugins.md from the plugin registries (`npm run gen:docs`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPluginsDoc } from '../src/docs/plugins-table.js';
import { PROJECT_ROOT } from '../test/helpers/shared.js';

writeFileSync(join(PROJECT_ROOT, 'docs/plugins.md'), renderPluginsDoc());
console.log('wrote docs/plugins.md');

import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../common/errors.js';

/** The data files under a path (a file, or a folder at any depth), sorted; `accept` picks them by name. */
export function localFeedFiles(path: string, accept: (name: string) => boolean): { root: string; files: string[]; isDir: boolean } {
  const root = resolve(path);
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new ConfigurationError(`Vulnerability data path not found: ${path}`);
  }
  if (!st.isDirectory()) return { root, files: [root], isDir: false };
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && accept(e.name)) files.push(p);
    }
  };
  walk(root);
  return { root, files, isDir: true };
}

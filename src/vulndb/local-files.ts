import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../common/errors.js';

/** A local vulnerability data path, resolved: a file or a folder; one that does not exist is a ConfigurationError. */
export function dataPath(path: string): { root: string; isDir: boolean } {
  const root = resolve(path);
  try {
    return { root, isDir: statSync(root).isDirectory() };
  } catch {
    throw new ConfigurationError(`Vulnerability data path not found: ${path}`);
  }
}

/** A folder's entries, sorted by name (so that imports are deterministic). */
export function sortedEntries(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The data files under a path (a file, or a folder at any depth), sorted; `accept` picks them by name. */
export function localFeedFiles(path: string, accept: (name: string) => boolean): { root: string; files: string[]; isDir: boolean } {
  const { root, isDir } = dataPath(path);
  if (!isDir) return { root, files: [root], isDir: false };
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of sortedEntries(dir)) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && accept(e.name)) files.push(p);
    }
  };
  walk(root);
  return { root, files, isDir: true };
}

/**
 * Paths inside an image are absolute, '/'-separated and normalised. A tar name that would climb out of the
 * image root (`../x`, `a/../../x`) is refused: the caller records it as an unknown.
 */
export function normalizeEntryName(name: string): string | null {
  // Fast path, for nearly every entry: already clean apart from a leading './' or '/' and a trailing '/'.
  let clean = name.startsWith('./') ? name.slice(2) : name.startsWith('/') ? name.slice(1) : name;
  if (clean.endsWith('/')) clean = clean.slice(0, -1);
  if (clean !== '' && !clean.includes('//') && !clean.includes('/./') && !clean.includes('..') && !clean.startsWith('./') && !clean.startsWith('/') && clean !== '.' && !clean.endsWith('/.')) {
    // One slice of the name where it already holds the leading '/' (`./x`, `/x`): a path string per entry the view
    // keeps, not a concatenation over a slice.
    const from = name.length - clean.length - (name.endsWith('/') ? 1 : 0) - 1;
    if (from >= 0 && name.charCodeAt(from) === 0x2f) return name.slice(from, from + 1 + clean.length);
    return `/${clean}`;
  }
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Resolves `target` (a symlink's text) against the directory holding `linkPath`, clamped at the root. */
export function resolveLinkTarget(linkPath: string, target: string): string {
  const base = target.startsWith('/') ? [] : dirname(linkPath).split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') base.pop(); // ".." at the root stays at the root, as the kernel does in a chroot
    else base.push(part);
  }
  return `/${base.join('/')}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Compiles a glob over absolute image paths once. `**` matches any number of path segments (including none),
 * `*` and `?` stay within one segment, `{a,b}` alternates. A pattern without a leading '/' is anchored at the root.
 */
export function compileGlob(glob: string): RegExp {
  const g = glob.startsWith('/') ? glob : `/${glob}`;
  let re = '^';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slashAfter = g[i + 2] === '/';
        re += slashAfter ? '(?:[^/]*/)*' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = g.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${g.slice(i + 1, close).split(',').map(escapeRegex).join('|')})`;
        i = close;
      }
    } else re += escapeRegex(c);
  }
  return new RegExp(`${re}$`);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

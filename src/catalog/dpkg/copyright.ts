/**
 * Licences from a Debian `copyright` file, cheaply: the `License:` fields of a machine-readable (DEP-5) file,
 * first line only, each short name mapped to SPDX where there is a clear equivalent and kept as written
 * otherwise. Free-form copyright files give nothing.
 */
export function parseDebianCopyright(text: string): string[] {
  return dedupe(parseDebianCopyrightNames(text).map(toSpdxExpression));
}

/**
 * The same `License:` fields as written (`GPL-2+`, `BSD-2-clause`, `GPL-2+ or Artistic`), each once, in file
 * order: the names Anchore's licenses gate matches (anchore-engine
 * `tests/unit/anchore_engine/services/policy_engine/engine/policy/gates/test_licenses.py`).
 */
export function parseDebianCopyrightNames(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^License:[ \t]*(\S.*?)\s*$/i.exec(line);
    if (!m) continue;
    if (m[1]!.toLowerCase() === 'none') continue;
    out.push(m[1]!);
  }
  return dedupe(out);
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

/** `GPL-2+ or Artistic` → `GPL-2.0-or-later OR Artistic-1.0-Perl`; a name with no SPDX equivalent stays as written. */
export function toSpdxExpression(value: string): string {
  const parts = value.trim().split(/\s+(or|and)\s+/i);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) out += ` ${parts[i]!.toUpperCase()} `;
    else out += toSpdxId(parts[i]!.replace(/,$/, ''));
  }
  return out;
}

export function toSpdxId(name: string): string {
  const trimmed = name.trim();
  const withException = /^(.+?)\s+with\s+(.+?)\s+exception$/i.exec(trimmed);
  if (withException) return `${toSpdxId(withException[1]!)} WITH ${withException[2]!}-exception`;
  return DEP5_TO_SPDX.get(trimmed.toLowerCase()) ?? trimmed;
}

const DEP5_TO_SPDX = new Map<string, string>([
  ...gnu('gpl', 'GPL', ['1', '2', '3']),
  ...gnu('lgpl', 'LGPL', ['2', '2.1', '3']),
  ...gnu('agpl', 'AGPL', ['3']),
  ...gnu('gfdl', 'GFDL', ['1.1', '1.2', '1.3']),
  ['apache-2', 'Apache-2.0'],
  ['apache-2.0', 'Apache-2.0'],
  ['artistic', 'Artistic-1.0-Perl'],
  ['artistic-2.0', 'Artistic-2.0'],
  ['bsd-2-clause', 'BSD-2-Clause'],
  ['bsd-3-clause', 'BSD-3-Clause'],
  ['bsd-4-clause', 'BSD-4-Clause'],
  ['expat', 'MIT'],
  ['mit', 'MIT'],
  ['isc', 'ISC'],
  ['zlib', 'Zlib'],
  ['mpl-1.1', 'MPL-1.1'],
  ['mpl-2.0', 'MPL-2.0'],
  ['cc0-1.0', 'CC0-1.0'],
  ['psf-2', 'PSF-2.0'],
  ['python-2.0', 'Python-2.0'],
  ['openssl', 'OpenSSL'],
  ['curl', 'curl'],
  ['x11', 'X11'],
  ['unicode-dfs-2016', 'Unicode-DFS-2016'],
  ['bsl-1.0', 'BSL-1.0'],
]);

function gnu(prefix: string, spdx: string, versions: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const v of versions) {
    const full = v.includes('.') ? v : `${v}.0`;
    out.push([`${prefix}-${v}`, `${spdx}-${full}-only`], [`${prefix}-${v}+`, `${spdx}-${full}-or-later`]);
    if (full !== v) out.push([`${prefix}-${full}`, `${spdx}-${full}-only`], [`${prefix}-${full}+`, `${spdx}-${full}-or-later`]);
  }
  return out;
}

import type { Package } from '../../../model/index.js';
import type { Gate, ParamSpec } from '../../gate.js';

/**
 * The licence names Anchore's gate compares: the package's licence field split on whitespace
 * (anchore-engine `gates/licenses.py` `LicensesGate.prepare_context`: `pkg.license.split()`), from the names as
 * the package writes them (`declaredLicenses`: Debian's `GPL-2+`, `BSD-2-clause`) where the catalog mapped them to
 * SPDX. Each name once per package.
 */
export function declaredLicenseNames(p: Package): string[] {
  return [...new Set((p.declaredLicenses ?? p.licenses).flatMap((l) => l.split(/\s+/)).filter((l) => l !== ''))];
}

/** The SPDX licence strings of a package, plus each identifier inside an SPDX expression (`MIT OR GPL-2.0-only`). */
export function licenseTerms(p: Package): string[] {
  const out = new Set<string>();
  for (const l of p.licenses) {
    out.add(l);
    for (const id of l.replace(/[()]/g, ' ').split(/\s+(?:AND|OR|WITH)\s+|\s+/)) if (id && !['AND', 'OR', 'WITH'].includes(id)) out.add(id);
  }
  return [...out];
}

/** Names as written first, then (with `match_spdx`) the SPDX forms not already among them. */
function namesOf(p: Package, spdx: boolean): string[] {
  const names = declaredLicenseNames(p);
  if (!spdx) return names;
  return [...new Set([...names, ...licenseTerms(p)])];
}

/** `pkg(lic)` for every (package, licence, wanted value) that hits, in that order, as Anchore lists them. */
function offenders(pkgs: readonly Package[], spdx: boolean, wanted: readonly string[], hit: (license: string, want: string) => boolean, perValue: boolean): string[] {
  const out: string[] = [];
  for (const p of pkgs) {
    for (const l of namesOf(p, spdx)) {
      if (perValue) for (const w of wanted) if (hit(l, w)) out.push(`${p.name}(${l})`);
      if (!perValue && wanted.some((w) => hit(l, w))) out.push(`${p.name}(${l})`);
    }
  }
  return out;
}

const matchSpdx: ParamSpec = {
  name: 'match_spdx',
  description:
    'Portcullis extension (not in Anchore): also match the SPDX form of each licence (GPL-2.0-or-later for Debian\'s GPL-2+) and each id inside an SPDX expression. Default false: licences are matched as the package writes them, as Anchore does.',
  type: 'boolean',
  required: false,
  default: 'false',
  example: 'true',
};

export const licensesGate: Gate = {
  name: 'licenses',
  description: 'License checks against found software licenses in the container image',
  triggers: [
    {
      name: 'blacklist_exact_match',
      aliases: ['denylist_exact_match'],
      description: 'Triggers if the evaluated image has a package installed with software distributed under the specified (exact match) license(s).',
      params: [{ name: 'licenses', description: 'List of license names to blacklist exactly.', type: 'string-list', required: true, example: 'GPLv2+,GPL-3+,BSD-2-clause' }, matchSpdx],
      evaluate: ({ ctx, params }) => {
        const found = offenders(ctx.packages, params.match_spdx === true, params.licenses as string[], (l, w) => l === w, false);
        return found.length > 0 ? [{ message: `LICFULLMATCH Packages are installed that have blacklisted licenses: ${found.join(', ')}` }] : [];
      },
    },
    {
      name: 'blacklist_partial_match',
      aliases: ['denylist_partial_match'],
      description: 'triggers if the evaluated image has a package installed with software distributed under the specified (substring match) license(s)',
      params: [{ name: 'licenses', description: 'List of strings to do substring match for blacklist.', type: 'string-list', required: true, example: 'LGPL,BSD' }, matchSpdx],
      evaluate: ({ ctx, params }) => {
        // One entry per matching value, as Anchore's loop over the values does.
        const found = offenders(ctx.packages, params.match_spdx === true, params.licenses as string[], (l, w) => l.includes(w), true);
        return found.length > 0 ? [{ message: `LICSUBMATCH Packages are installed that have blacklisted licenses: ${found.join(', ')}` }] : [];
      },
    },
  ],
};

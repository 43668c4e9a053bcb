import type { Package } from '../../../model/index.js';
import type { Gate } from '../../gate.js';

/** The license strings of a package, plus each identifier inside an SPDX expression (`MIT OR GPL-2.0-only`). */
export function licenseTerms(p: Package): string[] {
  const out = new Set<string>();
  for (const l of p.licenses) {
    out.add(l);
    for (const id of l.replace(/[()]/g, ' ').split(/\s+(?:AND|OR|WITH)\s+|\s+/)) if (id && !['AND', 'OR', 'WITH'].includes(id)) out.add(id);
  }
  return [...out];
}

function offenders(pkgs: readonly Package[], terms: (p: Package) => string[], hit: (license: string) => boolean): string[] {
  const out: string[] = [];
  for (const p of pkgs) {
    for (const l of terms(p)) if (hit(l)) out.push(`${p.name}(${l})`);
  }
  return [...new Set(out)];
}

export const licensesGate: Gate = {
  name: 'licenses',
  description: 'License checks against found software licenses in the container image',
  triggers: [
    {
      name: 'blacklist_exact_match',
      aliases: ['denylist_exact_match'],
      description: 'Triggers if the evaluated image has a package installed with software distributed under the specified (exact match) license(s).',
      params: [{ name: 'licenses', description: 'List of license names to blacklist exactly.', type: 'string-list', required: true, example: 'GPLv2+,GPL-3+,BSD-2-clause' }],
      evaluate: ({ ctx, params }) => {
        const wanted = params.licenses as string[];
        const found = offenders(ctx.packages, licenseTerms, (l) => wanted.includes(l));
        return found.length > 0 ? [{ message: `LICFULLMATCH Packages are installed that have blacklisted licenses: ${found.join(', ')}` }] : [];
      },
    },
    {
      name: 'blacklist_partial_match',
      aliases: ['denylist_partial_match'],
      description: 'triggers if the evaluated image has a package installed with software distributed under the specified (substring match) license(s)',
      params: [{ name: 'licenses', description: 'List of strings to do substring match for blacklist.', type: 'string-list', required: true, example: 'LGPL,BSD' }],
      evaluate: ({ ctx, params }) => {
        const wanted = params.licenses as string[];
        const found = offenders(ctx.packages, (p) => p.licenses, (l) => wanted.some((w) => l.includes(w)));
        return found.length > 0 ? [{ message: `LICSUBMATCH Packages are installed that have blacklisted licenses: ${found.join(', ')}` }] : [];
      },
    },
  ],
};

/** What the SBOM formats share: licence expressions and document ids. */

import { createHash } from 'node:crypto';

const SIMPLE_ID = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;
const EXPRESSION = /^[A-Za-z0-9.+:()\s-]+$/;

/** True when the text looks like an SPDX expression (ids joined by AND/OR/WITH), not free text. */
export function isLicenseExpression(s: string): boolean {
  const t = s.trim();
  if (!t || !EXPRESSION.test(t)) return false;
  const tokens = t.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  return tokens.every((tok, i) => (i % 2 === 1 ? /^(AND|OR|WITH)$/.test(tok) : SIMPLE_ID.test(tok) || tok.startsWith('LicenseRef-'))) && tokens.length % 2 === 1;
}

/** The licences of a package as one SPDX expression, when all of them are expressions. */
export function combinedExpression(licenses: readonly string[]): string | undefined {
  const unique = [...new Set(licenses.map((l) => l.trim()).filter(Boolean))];
  if (unique.length === 0 || !unique.every(isLicenseExpression)) return undefined;
  return unique.length === 1 ? unique[0] : unique.map((l) => (/\s/.test(l) ? `(${l})` : l)).join(' AND ');
}

/** A UUID (version 5 layout) derived from the text: the same input gives the same document id. */
export function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

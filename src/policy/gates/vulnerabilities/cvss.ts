/**
 * CVSS v3.x base, exploitability and impact sub-scores from a vector string (FIRST CVSS v3.1 specification,
 * section 7), for the vulnerabilities gate's `*_exploitability_score` and `*_impact_score` params.
 */
export interface CvssScores {
  base: number;
  exploitability: number;
  impact: number;
}

const W = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

export function cvss3Scores(vector: string): CvssScores | undefined {
  const m = new Map<string, string>();
  for (const part of vector.split('/')) {
    const [k, v] = part.split(':');
    if (k && v) m.set(k, v);
  }
  const av = W.AV[m.get('AV') as keyof typeof W.AV];
  const ac = W.AC[m.get('AC') as keyof typeof W.AC];
  const ui = W.UI[m.get('UI') as keyof typeof W.UI];
  const scope = m.get('S');
  const c = W.CIA[m.get('C') as keyof typeof W.CIA];
  const i = W.CIA[m.get('I') as keyof typeof W.CIA];
  const a = W.CIA[m.get('A') as keyof typeof W.CIA];
  const prRaw = m.get('PR');
  if ([av, ac, ui, c, i, a].some((x) => x === undefined) || (scope !== 'U' && scope !== 'C') || !prRaw) return undefined;
  const changed = scope === 'C';
  const pr = prRaw === 'N' ? 0.85 : prRaw === 'L' ? (changed ? 0.68 : 0.62) : prRaw === 'H' ? (changed ? 0.5 : 0.27) : undefined;
  if (pr === undefined) return undefined;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * av! * ac! * pr * ui!;
  const base = impact <= 0 ? 0 : roundUp(changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10));
  return { base, exploitability: round1(exploitability), impact: round1(Math.max(impact, 0)) };
}

function roundUp(x: number): number {
  const n = Math.round(x * 100000);
  return n % 10000 === 0 ? n / 100000 : (Math.floor(n / 10000) + 1) / 10;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

import { compareDigits, defineScheme, isAllDigits, VersionSyntaxError, type Comparison } from '../scheme.js';

/** NuGet's SemVer 2: up to four numeric parts, release labels compared case-insensitively, metadata ignored. */
export interface NugetVersion {
  parts: [string, string, string, string];
  /** Release labels, upper-cased (NuGet compares them ordinally ignoring case). */
  labels: string[];
}

export function parseNuget(input: string): NugetVersion {
  let s = input.trim();
  if (s === '') throw new VersionSyntaxError('version string is empty');
  if (s[0] === 'v' || s[0] === 'V') s = s.slice(1);
  const plus = s.indexOf('+');
  if (plus >= 0) s = s.slice(0, plus);
  const dash = s.indexOf('-');
  const core = dash < 0 ? s : s.slice(0, dash);
  const label = dash < 0 ? '' : s.slice(dash + 1);
  const nums = core.split('.');
  if (nums.length > 4) throw new VersionSyntaxError('more than four numeric parts');
  for (const n of nums) if (!isAllDigits(n)) throw new VersionSyntaxError(`"${n}" is not a number`);
  if (dash >= 0 && label === '') throw new VersionSyntaxError('empty release label');
  const labels = label === '' ? [] : label.toUpperCase().split('.');
  if (labels.some((l) => l === '')) throw new VersionSyntaxError('empty release label');
  return { parts: [nums[0]!, nums[1] ?? '0', nums[2] ?? '0', nums[3] ?? '0'], labels };
}

export function compareNuget(a: NugetVersion, b: NugetVersion): Comparison {
  for (let i = 0; i < 4; i++) {
    const c = compareDigits(a.parts[i]!, b.parts[i]!);
    if (c !== 0) return c;
  }
  if (a.labels.length === 0 || b.labels.length === 0) {
    return a.labels.length === b.labels.length ? 0 : a.labels.length === 0 ? 1 : -1;
  }
  const n = Math.min(a.labels.length, b.labels.length);
  for (let i = 0; i < n; i++) {
    const x = a.labels[i]!;
    const y = b.labels[i]!;
    if (x === y) continue;
    const xn = isAllDigits(x);
    const yn = isAllDigits(y);
    if (xn && yn) {
      const c = compareDigits(x, y);
      if (c !== 0) return c;
    } else if (xn) return -1;
    else if (yn) return 1;
    else return x < y ? -1 : 1;
  }
  return a.labels.length === b.labels.length ? 0 : a.labels.length < b.labels.length ? -1 : 1;
}

export const nugetScheme = defineScheme<NugetVersion>({
  id: 'nuget',
  version: 1,
  aliases: ['dotnet'],
  description: 'NuGet versions: four numeric parts, case-insensitive release labels, metadata ignored',
  parse: parseNuget,
  compare: compareNuget,
});

/**
 * Microsoft's SARIF multitool with GitHub's ingestion rules (`validate --rule-kind "Sarif;Gh"`), the check code
 * scanning's ingestion is closest to. Tool: @microsoft/sarif-multitool (npm, a devDependency), whose linux binary is
 * node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool, or $PORTCULLIS_SARIF_MULTITOOL.
 * https://github.com/microsoft/sarif-sdk/blob/main/docs/multitool-usage.md
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './shared.js';

export const MULTITOOL = process.env.PORTCULLIS_SARIF_MULTITOOL ?? join(PROJECT_ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

/** Why the multitool cannot run here, or undefined. */
export const multitoolBlocker = existsSync(MULTITOOL) ? undefined : `no SARIF multitool at ${MULTITOOL} (npm install @microsoft/sarif-multitool, or set PORTCULLIS_SARIF_MULTITOOL)`;

export interface MultitoolProblem {
  level: string;
  ruleId: string;
  text: string;
}

/** Validates `file`, writing the multitool's own log to `out`; every result it reports (notes included). */
export function multitoolValidate(file: string, out: string): MultitoolProblem[] {
  const r = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite', '--output', out, file], {
    encoding: 'utf8',
    // The self-contained .NET binary needs ICU unless told to run without it.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    timeout: 120_000,
  });
  if (!existsSync(out)) throw new Error(`the multitool wrote no output (exit ${r.status}): ${r.stderr || r.stdout}`);
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { level?: string; ruleId: string; message: { text?: string; arguments?: string[] } }[] }[] };
  return (log.runs[0]?.results ?? []).map((x) => ({ level: x.level ?? 'warning', ruleId: x.ruleId, text: x.message.text ?? (x.message.arguments ?? []).join(' | ') }));
}

import type { ScanReport } from '../../model/index.js';
import { scopedReport, stableJson, type OutputFormat } from '../format.js';

/** The order of ScanReport's top-level keys in the file (nested keys are sorted). */
const TOP_LEVEL: readonly (keyof ScanReport)[] = [
  'schemaVersion',
  'tool',
  'createdAt',
  'decision',
  'baseline',
  'image',
  'distro',
  'vulnerabilityData',
  'policy',
  'dockerfile',
  'packages',
  'findings',
  'unknowns',
  'plugins',
];

/** The full ScanReport (findings limited to the report scope), with a stable key order. */
export const jsonFormat: OutputFormat = {
  id: 'json',
  version: 1,
  aliases: [],
  mediaType: 'application/json',
  defaultFileName: 'portcullis-report.json',
  description: 'the full scan report: image, packages, findings, policy result and the data age',
  render: (report, options) => stableJson(scopedReport(report, options), TOP_LEVEL),
};

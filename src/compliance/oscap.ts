/**
 * Runs OpenSCAP (`oscap-chroot ROOT xccdf eval`) on an unpacked root file system with SCAP Security Guide content,
 * and derives the outcome from the XCCDF results (see xccdf.ts: nothing applicable is an error, never a pass).
 *
 * Content: `--datastream` when given; otherwise `ssg-<id><version>-ds.xml` for the image's distro. Debian's
 * `ssg-debian` ships Debian 10 and 11 only; for a newer Debian the Debian 11 content is used with its CPE
 * `cpe:/o:debian:debian_linux:11` remapped to the generic "installed OS is Debian" check, and that mapping is
 * recorded in the summary (shared/docs/real-parts.md: without it every rule is `notapplicable`).
 */

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigurationError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import { parseXccdfResults, type XccdfSummary } from './xccdf.js';

export const SSG_CONTENT_DIR = '/usr/share/xml/scap/ssg/content';

export interface OsRelease {
  id: string;
  versionId?: string;
  prettyName?: string;
}

export function parseOsRelease(text: string): OsRelease | undefined {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) values.set(m[1]!, m[2]!.replace(/^["']|["']$/g, ''));
  }
  const id = values.get('ID');
  if (!id) return undefined;
  return { id, ...(values.get('VERSION_ID') ? { versionId: values.get('VERSION_ID')! } : {}), ...(values.get('PRETTY_NAME') ? { prettyName: values.get('PRETTY_NAME')! } : {}) };
}

export interface ContentMapping {
  /** The image's OS. */
  image: string;
  /** The content's OS. */
  content: string;
  cpe: string;
  remappedTo: string;
  reason: string;
}

export interface ScapContent {
  datastream: string;
  /** A CPE dictionary to pass with `--cpe` (the remapped copy). */
  cpeDictionary?: string;
  mapping?: ContentMapping;
}

const GENERIC_DEBIAN_DEF = 'oval:ssg-installed_OS_is_debian:def:1';

/**
 * Writes a copy of `ssg-<content>-cpe-dictionary.xml` (and its `-cpe-oval.xml` beside it) into `workDir`, with the
 * check of `cpe` pointed at `definition`. Throws when the dictionary has no such CPE or the OVAL no such definition.
 */
export function remapCpe(contentDir: string, contentName: string, cpe: string, definition: string, workDir: string): string {
  const dictName = `ssg-${contentName}-cpe-dictionary.xml`;
  const ovalName = `ssg-${contentName}-cpe-oval.xml`;
  const dict = readFileSync(join(contentDir, dictName), 'utf8');
  const oval = readFileSync(join(contentDir, ovalName), 'utf8');
  if (!oval.includes(`id="${definition}"`)) throw new ConfigurationError(`${ovalName} has no OVAL definition ${definition} to remap ${cpe} to`);
  const itemRe = new RegExp(`(<cpe-dict:cpe-item name="${cpe.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">[\\s\\S]*?<cpe-dict:check [^>]*>)([^<]+)(</cpe-dict:check>)`);
  if (!itemRe.test(dict)) throw new ConfigurationError(`${dictName} has no CPE ${cpe} with a check`);
  writeFileSync(join(workDir, dictName), dict.replace(itemRe, `$1${definition}$3`));
  copyFileSync(join(contentDir, ovalName), join(workDir, ovalName));
  return join(workDir, dictName);
}

/** Picks the SSG content for the image's OS, remapping a newer Debian onto the newest Debian content there is. */
export function selectContent(os: OsRelease | undefined, workDir: string, contentDir = SSG_CONTENT_DIR): ScapContent {
  if (!os) throw new ConfigurationError('the image has no /etc/os-release, so no SCAP content can be chosen; give --datastream');
  const major = (os.versionId ?? '').split('.')[0] ?? '';
  const exact = join(contentDir, `ssg-${os.id}${major}-ds.xml`);
  if (existsSync(exact)) return { datastream: exact };
  if (os.id === 'debian' && /^\d+$/.test(major)) {
    const available = existsSync(contentDir)
      ? readdirSync(contentDir)
          .map((n) => /^ssg-debian(\d+)-ds\.xml$/.exec(n)?.[1])
          .filter((v): v is string => v !== undefined)
          .map(Number)
          .filter((v) => v < Number(major))
          .sort((a, b) => b - a)
      : [];
    const newest = available[0];
    if (newest !== undefined) {
      const cpe = `cpe:/o:debian:debian_linux:${newest}`;
      const cpeDictionary = remapCpe(contentDir, `debian${newest}`, cpe, GENERIC_DEBIAN_DEF, workDir);
      return {
        datastream: join(contentDir, `ssg-debian${newest}-ds.xml`),
        cpeDictionary,
        mapping: {
          image: `debian ${os.versionId ?? major}`,
          content: `ssg-debian${newest}`,
          cpe,
          remappedTo: GENERIC_DEBIAN_DEF,
          reason: `no SCAP Security Guide content for Debian ${major} in ${contentDir}; the Debian ${newest} rules are evaluated with their platform check widened to any Debian`,
        },
      };
    }
  }
  throw new ConfigurationError(`no SCAP Security Guide content for ${os.id} ${os.versionId ?? ''} in ${contentDir} (apt-get install ssg-debian, ssg-debderived, …); give --datastream`.replace('  ', ' '));
}

export interface OscapRun {
  results: string;
  arf: string;
  report: string;
  exitCode: number;
  stderr: string;
  summary: XccdfSummary;
}

/** Runs `oscap-chroot` and parses the results. Exit codes: 0 all passed, 2 some failed, 1 an error. */
export async function runOscapChroot(options: {
  root: string;
  datastream: string;
  profile: string;
  cpeDictionary?: string;
  outDir: string;
  logger: Logger;
  signal?: AbortSignal;
  command?: string;
}): Promise<OscapRun> {
  if (process.getuid?.() !== 0) throw new ConfigurationError('oscap-chroot needs root (it reads the unpacked tree as its owners)');
  const results = join(options.outDir, 'oscap-results.xml');
  const arf = join(options.outDir, 'oscap-results-arf.xml');
  const report = join(options.outDir, 'oscap-report.html');
  const args = [options.root, 'xccdf', 'eval', '--profile', options.profile, '--results', results, '--results-arf', arf, '--report', report];
  if (options.cpeDictionary) args.push('--cpe', options.cpeDictionary);
  args.push(options.datastream);
  const command = options.command ?? 'oscap-chroot';
  options.logger.debug(`${command} ${args.join(' ')}`);
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(options.signal ? { signal: options.signal } : {}) });
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < 64 * 1024) err += c.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new ConfigurationError(`${command} is not installed (apt-get install openscap-utils openscap-scanner)`) : e),
    );
    child.on('close', (c, signal) => resolve({ code: c ?? (signal ? 128 : 1), stderr: err }));
  });
  if (code !== 0 && code !== 2) {
    const firstLine = stderr.split('\n').find((l) => l.trim()) ?? '';
    throw new ConfigurationError(`oscap failed (exit ${code}) on ${basename(options.datastream)} profile ${options.profile}: ${firstLine}`);
  }
  if (!existsSync(results)) throw new ConfigurationError(`oscap exited ${code} but wrote no results in ${dirname(results)}`);
  return { results, arf, report, exitCode: code, stderr, summary: parseXccdfResults(readFileSync(results)) };
}

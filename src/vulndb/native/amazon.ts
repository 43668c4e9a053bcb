import type { OsvAffected, OsvRecord } from '../osv.js';
import type { SkippedInput } from '../provider.js';

/**
 * Amazon Linux ALAS: the RSS feeds (https://alas.aws.amazon.com/AL2/alas.rss, `AL2022/`, `AL2023/`), one `<item>`
 * per advisory (`<title>ALAS-2023-126 (important): device-mapper-multipath</title>`, `<description>` = the CVE
 * ids, `<pubDate>`, `<lastBuildDate>`, `<link>` = the advisory page), and the advisory pages, whose "New
 * Packages" list gives the binary NEVRAs per architecture.
 */
export interface AlasRssItem {
  id: string;
  /** The vendor's word, capitalised: `Important`. */
  severity?: string;
  package?: string;
  cves: string[];
  published?: string;
  modified?: string;
  link: string;
  /** `2`, `2022`, `2023`, from the link (`/AL2/`, `/AL2022/`, `/AL2023/`); undefined for Amazon Linux 1 (AMI). */
  release?: string;
}

export interface AlasPage {
  severity?: string;
  cves: string[];
  overview?: string;
  /** The packages (binary and `src`, as vunnel keeps them), unique by name and fixed EVR. */
  packages: { name: string; evr: string; arches: string[] }[];
}

const ALAS_ID = /^ALAS\d*-\d{4}-\d+$/;
const CVE = /CVE-\d{4}-\d{4,}/g;
const RELEASES = new Set(['2', '2022', '2023']);

const decode = (s: string): string =>
  s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);?/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');

const tag = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? decode(m[1]!).trim() : undefined;
};

function rfc822(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** The items of an ALAS RSS document; an item without an ALAS id or a link is skipped with the reason. */
export function parseAlasRss(xml: string, where: string): { items: AlasRssItem[]; skipped: SkippedInput[] } {
  if (!/<rss[\s>]/.test(xml) || !/<channel[\s>]/.test(xml)) return { items: [], skipped: [{ where, reason: 'not an RSS document (no <rss><channel>)' }] };
  const items: AlasRssItem[] = [];
  const skipped: SkippedInput[] = [];
  const blocks = xml.match(/<item(?:\s[^>]*)?>[\s\S]*?<\/item>/g) ?? [];
  const opened = (xml.match(/<item[\s>]/g) ?? []).length;
  if (opened > blocks.length) skipped.push({ where, reason: `${opened - blocks.length} <item> element(s) not closed` });
  blocks.forEach((block, i) => {
    const at = `${where} item ${i + 1}`;
    const title = tag(block, 'title') ?? '';
    const m = /^(ALAS\d*-\d{4}-\d+)\s*(?:\((\w+)\))?\s*:?\s*(.*)$/.exec(title);
    const link = tag(block, 'link') ?? tag(block, 'guid');
    if (!m || !ALAS_ID.test(m[1]!)) {
      skipped.push({ where: at, reason: `no ALAS id in the title "${title.slice(0, 80)}"` });
      return;
    }
    if (!link || !/^https?:\/\//.test(link)) {
      skipped.push({ where: at, reason: `${m[1]!}: no advisory link` });
      return;
    }
    const release = /\/AL(2|2022|2023)\//.exec(link)?.[1];
    const published = rfc822(tag(block, 'pubDate'));
    const modified = rfc822(tag(block, 'lastBuildDate')) ?? published;
    items.push({
      id: m[1]!,
      ...(m[2] ? { severity: capital(m[2]) } : {}),
      ...(m[3] ? { package: m[3].trim() } : {}),
      cves: [...new Set((tag(block, 'description') ?? '').match(CVE) ?? [])],
      ...(published ? { published } : {}),
      ...(modified ? { modified } : {}),
      link,
      ...(release ? { release } : {}),
    });
  });
  return { items, skipped };
}

/**
 * `name-[epoch:]version-release.arch` → its parts; undefined when the text is not a NEVRA.
 * Amazon writes the epoch before the version (`1:2.3-4.amzn2.x86_64`) or before the name (`1:name-2.3-…`).
 */
export function parseNevra(text: string): { name: string; epoch?: string; version: string; release: string; arch: string } | undefined {
  let s = text.trim();
  let epoch: string | undefined;
  const lead = /^(\d+):(.*)$/.exec(s);
  if (lead) {
    epoch = lead[1];
    s = lead[2]!;
  }
  const dot = s.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const arch = s.slice(dot + 1);
  const nvr = s.slice(0, dot);
  const r = nvr.lastIndexOf('-');
  if (r <= 0) return undefined;
  const v = nvr.lastIndexOf('-', r - 1);
  if (v <= 0) return undefined;
  const name = nvr.slice(0, v);
  let version = nvr.slice(v + 1, r);
  const release = nvr.slice(r + 1);
  const ev = /^(\d+):(.+)$/.exec(version);
  if (ev) {
    epoch = ev[1];
    version = ev[2]!;
  }
  if (!name || !version || !release || !/^[A-Za-z0-9_]+$/.test(arch) || /\s/.test(nvr)) return undefined;
  return { name, ...(epoch ? { epoch } : {}), version, release, arch };
}

/** The fields of an advisory page; `packages` is empty when the page has no "New Packages" list. */
export function parseAlasPage(html: string, where: string, skipped: SkippedInput[]): AlasPage {
  const sevBlock = /<b>\s*Severity:\s*<\/b>([\s\S]*?)<\/div>/i.exec(html)?.[1];
  const sevWord = sevBlock ? /\b(Critical|Important|Medium|Moderate|Low)\b/i.exec(decode(sevBlock.replace(/<[^>]*>/g, ' ')))?.[1] : undefined;
  const refs = /<div id=['"]references['"]>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? '';
  const cves = [...new Set(refs.match(CVE) ?? [])];
  const overviewHtml = /Issue Overview:\s*<\/b>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? /<div id=['"]issue_overview['"]>([\s\S]*?)<\/div>/i.exec(html)?.[1];
  const overview = overviewHtml
    ? decode(overviewHtml.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ' '))
        .replace(/^\s*Issue Overview:\s*/i, '')
        .replace(/[ \t]+/g, ' ')
        .replace(/\s*\n\s*/g, '\n')
        .trim()
    : undefined;
  const list = /New Packages:\s*(?:<\/b>)?\s*<pre>([\s\S]*?)<\/pre>/i.exec(html)?.[1];
  const byKey = new Map<string, { name: string; evr: string; arches: string[] }>();
  if (list !== undefined) {
    for (const rawLine of decode(list.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '')).split('\n')) {
      const line = rawLine.trim();
      if (!line) continue;
      if (/^[A-Za-z0-9_]+:$/.test(line)) continue; // an architecture heading; each NEVRA names its own
      const n = parseNevra(line);
      if (!n) {
        skipped.push({ where, reason: `"${line.slice(0, 100)}" is not a package NEVRA` });
        continue;
      }
      const evr = `${n.epoch ? `${n.epoch}:` : ''}${n.version}-${n.release}`;
      const key = `${n.name}\u0000${evr}`;
      let e = byKey.get(key);
      if (!e) byKey.set(key, (e = { name: n.name, evr, arches: [] }));
      if (!e.arches.includes(n.arch)) e.arches.push(n.arch);
    }
  }
  const packages = [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.evr < b.evr ? -1 : a.evr > b.evr ? 1 : 0));
  return { ...(sevWord ? { severity: capital(sevWord) } : {}), cves, ...(overview ? { overview } : {}), packages };
}

export interface AmazonInput {
  /** The RSS document's text. */
  rss: string;
  /** Advisory pages by ALAS id (`ALAS-2023-126`); an item with no page is skipped. */
  pages: ReadonlyMap<string, string>;
  /** `2`, `2022`, `2023` when the RSS links do not say (they do: `/AL2023/`). */
  release?: string;
}

/**
 * An ALAS RSS feed and its advisory pages as OSV records, one per advisory (id = the ALAS id):
 * ecosystem `Amazon Linux:<2|2022|2023>`, one `affected` entry per package name of "New Packages" (binaries and the source rpm, as vunnel) with
 * `introduced 0`, `fixed [epoch:]version-release` (and `ecosystem_specific.arches`); the CVEs in `aliases` (one)
 * or `related` (several); the vendor's severity (`Important`) in `database_specific.severity`; `published` =
 * `pubDate`, `modified` = `lastBuildDate` (else `pubDate`). Items of Amazon Linux 1, items without a page or a
 * date, and pages without a package list are skipped with the reason.
 */
export function convertAmazon(input: AmazonInput, where: string): { records: OsvRecord[]; skipped: SkippedInput[] } {
  const { items, skipped } = parseAlasRss(input.rss, where);
  const records: OsvRecord[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const at = `${where} ${item.id}`;
    const release = item.release ?? input.release;
    if (!release || !RELEASES.has(release)) {
      skipped.push({ where: at, reason: `${item.link} is not an Amazon Linux 2, 2022 or 2023 advisory` });
      continue;
    }
    if (seen.has(item.id)) continue;
    const html = input.pages.get(item.id);
    if (html === undefined) {
      skipped.push({ where: at, reason: 'no advisory page' });
      continue;
    }
    if (!item.modified) {
      skipped.push({ where: at, reason: 'no date (pubDate / lastBuildDate)' });
      continue;
    }
    const page = parseAlasPage(html, `${at} page`, skipped);
    if (page.packages.length === 0) {
      skipped.push({ where: at, reason: 'the advisory page lists no new packages' });
      continue;
    }
    seen.add(item.id);
    const ecosystem = `Amazon Linux:${release}`;
    const affected: OsvAffected[] = page.packages.map((p) => ({
      package: { ecosystem, name: p.name, purl: `pkg:rpm/amazon/${p.name}?distro=amzn-${release}` },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: p.evr }] }],
      ecosystem_specific: { arches: p.arches },
    }));
    const cves = [...new Set([...item.cves, ...page.cves])].sort();
    const severity = page.severity ?? item.severity;
    records.push({
      schema_version: '1.7.5',
      id: item.id,
      modified: item.modified,
      ...(item.published ? { published: item.published } : {}),
      ...(cves.length === 1 ? { aliases: cves } : cves.length > 1 ? { related: cves } : {}),
      ...(item.package ? { summary: `${item.package} security update` } : {}),
      ...(page.overview ? { details: page.overview } : {}),
      affected,
      references: [{ type: 'ADVISORY', url: item.link }, ...cves.map((c) => ({ type: 'WEB', url: `https://alas.aws.amazon.com/cve/html/${c}.html` }))],
      database_specific: { ...(severity ? { severity } : {}), source: 'amazon' },
    });
  }
  return { records, skipped };
}

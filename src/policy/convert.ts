import { ConfigurationError } from '../common/errors.js';

/**
 * Converts Anchore 1.x policy lines (`GATE:TRIGGER:ACTION[:PARAM=v1,v2 PARAM2=…]`) and the 1.x whitelist file
 * (`GATE TRIGGER_ID` per line) into an equivalent v1 bundle. Gates and triggers with no modern equivalent are
 * listed in `unconverted`, never dropped silently.
 */
export interface ConversionResult {
  bundle: Record<string, unknown>;
  /** Lines that could not be converted, with why. */
  unconverted: { line: number; text: string; reason: string }[];
  /** Things that converted but behave differently (e.g. md5 trigger ids in whitelists). */
  notes: string[];
}

interface Rule {
  gate: string;
  trigger: string;
  params: Record<string, string>;
}

type Converter = (params: Record<string, string>) => Rule[] | string;

const r = (gate: string, trigger: string, params: Record<string, string> = {}): Rule => ({ gate, trigger, params });
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const nameVersion = (v: string) => {
  const [name, version] = v.split('|');
  return { name: name!.trim(), version: version?.trim() };
};
const sev = (s: string): Converter => () => [r('vulnerabilities', 'package', { package_type: 'all', severity_comparison: '=', severity: s })];
const needs = (param: string, build: (v: string) => Rule[]): Converter => (p) => (p[param] === undefined ? `needs the ${param} param` : build(p[param]!));

/** 1.x gate → trigger → converter (reference §3.2, mapped onto the engine's gates, §1.3). */
const CONVERTERS: Readonly<Record<string, Readonly<Record<string, Converter>>>> = {
  DOCKERFILECHECK: {
    EXPOSE: (p) => {
      const out: Rule[] = [];
      if (p.DENIEDPORTS) out.push(r('dockerfile', 'exposed_ports', { ports: list(p.DENIEDPORTS).join(','), type: 'blacklist' }));
      if (p.ALLOWEDPORTS) out.push(r('dockerfile', 'exposed_ports', { ports: list(p.ALLOWEDPORTS).join(','), type: 'whitelist' }));
      return out.length > 0 ? out : 'needs ALLOWEDPORTS or DENIEDPORTS';
    },
    NOFROM: () => [r('dockerfile', 'instruction', { instruction: 'FROM', check: 'not_exists' })],
    FROMSCRATCH: () => [r('dockerfile', 'instruction', { instruction: 'FROM', check: '=', value: 'scratch' })],
    NOTAG: () => [r('dockerfile', 'instruction', { instruction: 'FROM', check: 'like', value: '^(?:\\S*/)?[^:/@\\s]+(?::latest)?(?:\\s.*)?$' })],
    SUDO: () => [r('dockerfile', 'instruction', { instruction: 'RUN', check: 'like', value: '.*\\bsudo\\b.*' })],
    VOLUMEPRESENT: () => [r('dockerfile', 'instruction', { instruction: 'VOLUME', check: 'exists' })],
    NOHEALTHCHECK: () => [r('dockerfile', 'instruction', { instruction: 'HEALTHCHECK', check: 'not_exists' })],
    NODOCKERFILE: () => [r('dockerfile', 'no_dockerfile_provided')],
  },
  ANCHORESEC: {
    VULNUNKNOWN: sev('unknown'),
    VULNLOW: sev('low'),
    VULNMEDIUM: sev('medium'),
    VULNHIGH: sev('high'),
    VULNCRITICAL: sev('critical'),
    FEEDOUTOFDATE: (p) => [r('vulnerabilities', 'stale_feed_data', { max_days_since_sync: p.MAXAGE ?? '2' })],
    UNSUPPORTEDDISTRO: () => [r('vulnerabilities', 'vulnerability_data_unavailable')],
  },
  PKGBLACKLIST: {
    PKGNAMEMATCH: needs('BLACKLIST_NAMEMATCH', (v) => list(v).map((name) => r('packages', 'blacklist', { name }))),
    PKGFULLMATCH: needs('BLACKLIST_FULLMATCH', (v) => list(v).map((nv) => nameVersion(nv)).map(({ name, version }) => r('packages', 'blacklist', { name, ...(version ? { version } : {}) }))),
  },
  PKGCHECK: {
    PKGNOTPRESENT: (p) => {
      const out: Rule[] = [];
      for (const name of list(p.PKGNAMEMATCH)) out.push(r('packages', 'required_package', { name }));
      for (const nv of list(p.PKGFULLMATCH)) {
        const { name, version } = nameVersion(nv);
        out.push(r('packages', 'required_package', { name, ...(version ? { version, version_match_type: 'exact' } : {}) }));
      }
      for (const nv of list(p.PKGVERSMATCH)) {
        const { name, version } = nameVersion(nv);
        out.push(r('packages', 'required_package', { name, ...(version ? { version, version_match_type: 'minimum' } : {}) }));
      }
      return out.length > 0 ? out : 'needs PKGNAMEMATCH, PKGFULLMATCH or PKGVERSMATCH';
    },
    VERIFY: () => [r('packages', 'verify')],
  },
  LICBLACKLIST: {
    LICFULLMATCH: needs('LICBLACKLIST_FULLMATCH', (v) => [r('licenses', 'blacklist_exact_match', { licenses: list(v).join(',') })]),
    LICSUBMATCH: needs('LICBLACKLIST_SUBMATCH', (v) => [r('licenses', 'blacklist_partial_match', { licenses: list(v).join(',') })]),
  },
  FILECHECK: {
    CONTENTMATCH: (p) => (p.FILECHECK_CONTENTREGEXP ? list(p.FILECHECK_CONTENTREGEXP).map((regex_name) => r('files', 'content_regex_match', { regex_name })) : [r('files', 'content_regex_match')]),
    FILENAMEMATCH: needs('FILECHECK_NAMEREGEXP', (v) => list(v).map((regex) => r('files', 'name_match', { regex }))),
    SUIDSGIDCHECK: () => [r('files', 'suid_or_guid_set')],
  },
  SECRETCHECK: {
    CONTENTMATCH: (p) => (p.SECRETCHECK_CONTENTREGEXP ? list(p.SECRETCHECK_CONTENTREGEXP).map((n) => r('secret_scans', 'content_regex_checks', { content_regex_name: n })) : [r('secret_scans', 'content_regex_checks')]),
    FILENAMEMATCH: needs('SECRETCHECK_NAMEREGEXP', (v) => list(v).map((regex) => r('files', 'name_match', { regex }))),
  },
  FILEPARSE_PASSWD: {
    FILENOTSTORED: () => [r('passwd_file', 'content_not_available')],
    USERNAMEMATCH: needs('USERNAMEBLACKLIST', (v) => [r('passwd_file', 'blacklist_usernames', { user_names: list(v).join(',') })]),
    USERIDMATCH: needs('USERIDBLACKLIST', (v) => [r('passwd_file', 'blacklist_userids', { user_ids: list(v).join(',') })]),
    GROUPIDMATCH: needs('GROUPIDBLACKLIST', (v) => [r('passwd_file', 'blacklist_groupids', { group_ids: list(v).join(',') })]),
    SHELLMATCH: needs('SHELLBLACKLIST', (v) => [r('passwd_file', 'blacklist_shells', { shells: list(v).join(',') })]),
    PENTRYMATCH: needs('PENTRYBLACKLIST', (v) => list(v).map((entry) => r('passwd_file', 'blacklist_full_entry', { entry }))),
  },
  GEMCHECK: {
    GEMNOTLATEST: () => [r('ruby_gems', 'newer_version_found_in_feed')],
    GEMNOTOFFICIAL: () => [r('ruby_gems', 'not_found_in_feed')],
    GEMBADVERSION: () => [r('ruby_gems', 'version_not_found_in_feed')],
    GEMNOFEED: () => [r('ruby_gems', 'feed_data_unavailable')],
    GEMPKGNAMEMATCH: needs('BLACKLIST_GEMNAMEMATCH', (v) => list(v).map((name) => r('ruby_gems', 'blacklist', { name }))),
    GEMPKGFULLMATCH: needs('BLACKLIST_GEMFULLMATCH', (v) => list(v).map(nameVersion).map(({ name, version }) => r('ruby_gems', 'blacklist', { name, ...(version ? { version } : {}) }))),
  },
  NPMCHECK: {
    NPMNOTLATEST: () => [r('npms', 'newer_version_in_feed')],
    NPMNOTOFFICIAL: () => [r('npms', 'unknown_in_feeds')],
    NPMBADVERSION: () => [r('npms', 'version_not_in_feeds')],
    NPMNOFEED: () => [r('npms', 'feed_data_unavailable')],
    NPMPKGNAMEMATCH: needs('BLACKLIST_NPMNAMEMATCH', (v) => list(v).map((name) => r('npms', 'blacklisted_name_version', { name }))),
    NPMPKGFULLMATCH: needs('BLACKLIST_NPMFULLMATCH', (v) => list(v).map(nameVersion).map(({ name, version }) => r('npms', 'blacklisted_name_version', { name, ...(version ? { version } : {}) }))),
  },
};

/** 1.x gates with no modern equivalent, and why. */
const NO_EQUIVALENT: Readonly<Record<string, string>> = {
  PKGDIFF: 'compares packages with the base image; no modern gate does',
  SUIDDIFF: 'compares SUID files with the base image; no modern gate does (files/suid_or_guid_set lists SUID files)',
  IMAGECHECK: 'checks whether the base image was updated; no modern gate does',
  METADATACHECK: 'its 1.x params are not documented; write a metadata/attribute rule',
};

const GATE_RENAMES: Readonly<Record<string, string>> = {
  ANCHORESEC: 'vulnerabilities',
  DOCKERFILECHECK: 'dockerfile',
  PKGBLACKLIST: 'packages',
  PKGCHECK: 'packages',
  FILECHECK: 'files',
  SECRETCHECK: 'secret_scans',
  FILEPARSE_PASSWD: 'passwd_file',
  GEMCHECK: 'ruby_gems',
  NPMCHECK: 'npms',
  LICBLACKLIST: 'licenses',
  METADATACHECK: 'metadata',
};

const ACTIONS = new Set(['GO', 'WARN', 'STOP']);

export function convertLegacyPolicy(policyText: string, whitelistText?: string, options: { id?: string; name?: string } = {}): ConversionResult {
  const unconverted: ConversionResult['unconverted'] = [];
  const notes: string[] = [];
  // One entry per (gate, trigger): a later line overwrites an earlier one, as 1.x did.
  const entries = new Map<string, { line: number; text: string; gate: string; trigger: string; action: string; params: Record<string, string> }>();
  policyText.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const fields = text.split(':');
    if (fields.length < 3) {
      unconverted.push({ line: i + 1, text, reason: 'not a GATE:TRIGGER:ACTION[:PARAMS] line' });
      return;
    }
    const [gate, trigger, action] = fields.map((f) => f.trim().toUpperCase()) as [string, string, string];
    if (!ACTIONS.has(action)) {
      unconverted.push({ line: i + 1, text, reason: `action must be GO, WARN or STOP, got ${JSON.stringify(fields[2])}` });
      return;
    }
    const params: Record<string, string> = {};
    for (const item of fields.slice(3).join(':').trim().split(/\s+/).filter(Boolean)) {
      const eq = item.indexOf('=');
      if (eq <= 0) {
        unconverted.push({ line: i + 1, text, reason: `param ${JSON.stringify(item)} is not NAME=VALUE` });
        return;
      }
      params[item.slice(0, eq).toUpperCase()] = item.slice(eq + 1);
    }
    const key = `${gate}:${trigger}`;
    if (entries.has(key)) notes.push(`line ${i + 1}: ${key} overrides line ${entries.get(key)!.line}, as in Anchore 1.x`);
    entries.set(key, { line: i + 1, text, gate, trigger, action, params });
  });

  const rules: Record<string, unknown>[] = [];
  for (const e of entries.values()) {
    const gateConverters = CONVERTERS[e.gate];
    const converter = gateConverters?.[e.trigger];
    if (!converter) {
      const reason = NO_EQUIVALENT[e.gate] ?? (gateConverters ? `unknown ${e.gate} trigger ${e.trigger}` : `unknown 1.x gate ${e.gate}`);
      unconverted.push({ line: e.line, text: e.text, reason });
      continue;
    }
    const converted = converter(e.params);
    if (typeof converted === 'string') {
      unconverted.push({ line: e.line, text: e.text, reason: converted });
      continue;
    }
    converted.forEach((rule, j) => {
      rules.push({
        id: `${e.gate}-${e.trigger}${converted.length > 1 ? `-${j + 1}` : ''}`.toLowerCase(),
        gate: rule.gate,
        trigger: rule.trigger,
        action: e.action,
        params: Object.entries(rule.params).map(([name, value]) => ({ name, value })),
      });
    });
  }

  const items: Record<string, unknown>[] = [];
  if (whitelistText !== undefined) {
    let mdNote = false;
    whitelistText.split(/\r?\n/).forEach((raw, i) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const [gate, triggerId, ...rest] = text.split(/\s+/);
      if (!gate || !triggerId || rest.length > 0) {
        unconverted.push({ line: i + 1, text, reason: 'whitelist lines are "GATE TRIGGER_ID"' });
        return;
      }
      const modern = GATE_RENAMES[gate.toUpperCase()];
      if (!modern) {
        unconverted.push({ line: i + 1, text, reason: `1.x gate ${gate} has no modern equivalent` });
        return;
      }
      if (modern !== 'vulnerabilities' && /^[0-9a-f]{32}$/.test(triggerId)) mdNote = true;
      // 1.x appended `*` to an ANCHORESEC CVE or RHSA id without one (every package); the engine matches ids
      // exactly, so the package part is written out.
      const id = modern === 'vulnerabilities' && /^(CVE|RHSA)/.test(triggerId) && !triggerId.includes('*') && !triggerId.includes('+') ? `${triggerId}+*` : triggerId;
      items.push({ id: `wl-${items.length + 1}`, gate: modern, trigger_id: id });
    });
    if (mdNote) notes.push('whitelist items with md5 trigger ids were kept, but 1.x ids hash 1.x gate, trigger and message names and will not match the modern gates; re-create them from an evaluation');
  }

  const id = options.id ?? 'converted-1x-policy';
  return {
    bundle: {
      id,
      version: '1_0',
      name: options.name ?? 'Converted from an Anchore 1.x policy',
      comment: unconverted.length > 0 ? `Not converted: ${unconverted.map((u) => `line ${u.line} "${u.text}" (${u.reason})`).join('; ')}` : 'Converted from an Anchore 1.x policy',
      whitelisted_images: [],
      blacklisted_images: [],
      mappings: [{ id: 'default', name: 'default', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_ids: ['converted'], whitelist_ids: ['converted'] }],
      whitelists: [{ id: 'converted', name: 'Converted 1.x whitelist', version: '1_0', items }],
      policies: [{ id: 'converted', name: 'Converted 1.x policy', version: '1_0', rules }],
    },
    unconverted,
    notes,
  };
}

/** Throws when a file holds no policy line at all (an empty or wrong file is a user mistake). */
export function assertLegacyPolicy(text: string, source: string): void {
  if (!text.split(/\r?\n/).some((l) => /^\s*[A-Za-z_]+:[A-Za-z_]+:[A-Za-z]+/.test(l))) {
    throw new ConfigurationError(`${source}: no Anchore 1.x policy lines (GATE:TRIGGER:ACTION[:PARAMS]) found`);
  }
}

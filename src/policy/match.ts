import { reMatch } from './params.js';
import type { ImageSelectionRule } from './model.js';

/** The parts of an image tag string, parsed as Anchore's `parse_dockerimage_string` does (no `library/` added). */
export interface ParsedTag {
  registry: string;
  repository: string;
  tag: string;
  digest?: string;
}

export function parseImageTag(input: string): ParsedTag {
  let s = input.trim();
  if (s.startsWith('dockerhub/')) s = `docker.io/${s.slice('dockerhub/'.length)}`;
  let digest: string | undefined;
  const at = s.indexOf('@');
  if (at >= 0) {
    digest = s.slice(at + 1);
    s = s.slice(0, at);
  }
  let registry = 'docker.io';
  const slash = s.indexOf('/');
  if (slash > 0) {
    const first = s.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      s = s.slice(slash + 1);
    }
  }
  let tag = 'latest';
  const colon = s.lastIndexOf(':');
  if (colon > s.lastIndexOf('/')) {
    tag = s.slice(colon + 1);
    s = s.slice(0, colon);
  } else if (digest) tag = '';
  return { registry, repository: s, tag, ...(digest ? { digest } : {}) };
}

/**
 * Anchore's pattern matching for mappings, image lists and allowlist trigger ids: a `regexp:` prefix gives a raw
 * regex (matched from the start, as Python's `re.match`); otherwise `*` matches anything and every other character
 * is literal, anchored at both ends.
 */
export function matchesPattern(pattern: string, value: string): boolean {
  if (pattern.startsWith('regexp:')) return reMatch(pattern.slice('regexp:'.length), value);
  if (!pattern.includes('*')) return pattern === value;
  const re = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 's');
  return re.test(value);
}

export interface ImageTarget {
  /** The tag string being evaluated (`docker.io/library/nginx:1.27`). */
  tag: string;
  /** The manifest digest (`sha256:…`). */
  digest?: string;
  /** The image id (the config digest). */
  imageId?: string;
}

/** Does an image selection rule (or mapping) select this image? Digest and id rules compare exactly. */
export function selects(rule: ImageSelectionRule, target: ImageTarget): boolean {
  const t = parseImageTag(target.tag);
  if (!matchesPattern(rule.registry, t.registry) || !matchesPattern(rule.repository, t.repository)) return false;
  switch (rule.image.type) {
    case 'tag':
      return matchesPattern(rule.image.value, t.tag);
    case 'digest':
      return sameDigest(rule.image.value, target.digest ?? t.digest);
    case 'id':
      return sameDigest(rule.image.value, target.imageId);
  }
}

function sameDigest(want: string, have: string | undefined): boolean {
  if (!have) return false;
  const strip = (d: string) => d.replace(/^sha256:/, '');
  return strip(want) === strip(have);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

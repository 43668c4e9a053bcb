import { describe, expect, it } from 'vitest';
import { context, evalRule, pkg } from '../../test-support.js';
import type { PackageFeed } from '../../context.js';

const gems = [pkg('rails', '7.0.1', { type: 'gem' }), pkg('internal-gem', '0.1', { type: 'gem' }), pkg('rack', '9.9.9', { type: 'gem' })];
const feed: PackageFeed = {
  versions: (n) => ({ rails: ['7.0.1', '7.1.0'], rack: ['3.0.0'] })[n],
  latest: (n) => ({ rails: '7.1.0', rack: '3.0.0' })[n],
};
const messages = (trigger: string, params: Record<string, string> = {}, withFeed = true) => evalRule('ruby_gems', trigger, params, context({ packages: gems, ...(withFeed ? { feeds: { gem: feed } } : {}) }));

describe('ruby_gems', () => {
  it('feed triggers', () => {
    expect(messages('newer_version_found_in_feed').findings.map((f) => f.message)).toEqual(['Package (rails) version (7.0.1) installed but is not the latest version (7.1.0)', 'Package (rack) version (9.9.9) installed but is not the latest version (3.0.0)']);
    expect(messages('not_found_in_feed').findings.map((f) => f.message)).toEqual(['GEMNOTOFFICIAL Package (internal-gem) in container but not in official GEM feed.']);
    expect(messages('version_not_found_in_feed').findings.map((f) => f.message)).toEqual(["GEMBADVERSION Package (rack) version (9.9.9) installed but version is not in the official feed for this package (['3.0.0'])"]);
  });

  it('without a feed: feed triggers report a problem and feed_data_unavailable fires', () => {
    const e = messages('not_found_in_feed', {}, false);
    expect(e.findings).toEqual([]);
    expect(e.evaluation_problems[0]).toMatchObject({ problem_type: 'feed_unavailable' });
    expect(messages('feed_data_unavailable', {}, false).findings).toHaveLength(1);
    expect(messages('feed_data_unavailable').findings).toHaveLength(0);
  });

  it('blacklist by name and optional version', () => {
    expect(messages('blacklist', { name: 'rails' }).findings.map((f) => f.message)).toEqual(['Gem Package is blacklisted: rails']);
    expect(messages('denylist', { name: 'rails', version: '7.0.1' }).findings.map((f) => f.message)).toEqual(['Gem Package is blacklisted: rails-7.0.1']);
    expect(messages('blacklist', { name: 'rails', version: '6' }).findings).toEqual([]);
  });
});

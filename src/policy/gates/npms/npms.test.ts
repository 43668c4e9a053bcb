import { describe, expect, it } from 'vitest';
import { context, evalRule, pkg } from '../../test-support.js';

const npms = [pkg('left-pad', '1.3.0', { type: 'npm' }), pkg('bash', '5')];

describe('npms', () => {
  it('blacklisted_name_version only looks at npm packages', () => {
    const run = (params: Record<string, string>) => evalRule('npms', 'blacklisted_name_version', params, context({ packages: npms })).findings.map((f) => f.message);
    expect(run({ name: 'left-pad' })).toEqual(['NPM Package is blacklisted: left-pad']);
    expect(run({ name: 'left-pad', version: '1.3.0' })).toEqual(['NPM Package is blacklisted: left-pad-1.3.0']);
    expect(run({ name: 'bash' })).toEqual([]);
  });

  it('feed_data_unavailable fires when npm packages exist and there is no feed', () => {
    expect(evalRule('npms', 'feed_data_unavailable', {}, context({ packages: npms })).findings.map((f) => f.message)).toEqual(['NPM packages are present but the anchore npm feed is not available - will be unable to perform checks that require feed data']);
    expect(evalRule('npms', 'feed_data_unavailable', {}, context()).findings).toEqual([]);
    expect(evalRule('npms', 'unknown_in_feeds', {}, context({ packages: npms })).evaluation_problems[0]).toMatchObject({ problem_type: 'feed_unavailable' });
  });
});

import { describe, expect, it } from 'vitest';
import { context, evalRule } from '../../test-support.js';

describe('always', () => {
  it('fires once with trigger id "always"', () => {
    expect(evalRule('always', 'always', {}, context()).findings.map((f) => [f.trigger_id, f.message])).toEqual([['always', 'Unconditional trigger match']]);
  });
});

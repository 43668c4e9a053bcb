import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { bundledPolicy, resolvePolicy } from './bundled.js';

describe('bundled policies by name', () => {
  it('embeds each bundle and resolves --policy values', async () => {
    expect(bundledPolicy('strict').id).toBe('portcullis-strict');
    expect((await resolvePolicy(undefined)).id).toBe('2c53a13c-1765-11e8-82ef-23527761d060');
    expect((await resolvePolicy('licenses')).name).toBe('Licenses: deny copyleft');
    expect((await resolvePolicy(join(import.meta.dirname, 'testdata/v2-valid.yaml'))).format).toBe('v2');
    expect(() => bundledPolicy('nope')).toThrow(ConfigurationError);
    await expect(resolvePolicy('nope.json')).rejects.toThrow(/cannot read policy bundle nope\.json/);
  });
});

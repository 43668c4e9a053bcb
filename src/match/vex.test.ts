// OpenVEX input is shape-checked and depth-guarded (issue 16 §2). Document shape after the OpenVEX spec
// (github.com/openvex/spec, OPENVEX-SPEC.md: statements with vulnerability, status, products, subcomponents).
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../common/errors.js';
import { parseOpenVex } from './vex.js';

const CONTEXT = 'https://openvex.dev/ns/v0.2.0';
const doc = (statements: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ '@context': CONTEXT, '@id': 'x', statements, ...extra });
const failure = (text: string): Error => {
  try {
    parseOpenVex(text, 'v.json');
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
};

describe('OpenVEX shape checks', () => {
  it.each([
    [doc([{ vulnerability: { name: 7 }, status: 'fixed' }]), /^v\.json: OpenVEX document is malformed: \/statements\/0\/vulnerability/],
    [doc([{ vulnerability: 'CVE-1', status: 'fixed', products: 'pkg:npm/a' }]), /^v\.json: OpenVEX document is malformed: \/statements\/0\/products must be array$/],
    [doc([{ vulnerability: 'CVE-1', status: 'fixed', products: [{ '@id': 'pkg:npm/a', subcomponents: 5 }] }]), /^v\.json: OpenVEX document is malformed: \/statements\/0\/products\/0/],
    [doc([{ vulnerability: 'CVE-1', status: 'fixed', justification: ['x'] }]), /^v\.json: OpenVEX document is malformed: \/statements\/0\/justification must be string$/],
    [doc([null]), /^v\.json: OpenVEX document is malformed: \/statements\/0 must be object$/],
    [doc([{ status: 'fixed' }]), /^v\.json: OpenVEX document is malformed: \/statements\/0 must have the field "vulnerability"$/],
    [doc([], { '@context': 5 }), /^v\.json: not an OpenVEX document/],
  ])('%s', (text, message) => {
    const e = failure(text);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toMatch(message);
  });

  it('10,000 levels of nesting are refused with a clear error', () => {
    const e = failure(doc([{ vulnerability: 'CVE-1', status: 'fixed', x: JSON.parse('[]') }]).replace('"x":[]', `"x":${'['.repeat(10_000)}${']'.repeat(10_000)}`));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toBe('v.json is nested too deeply (more than 512 levels of arrays and objects)');
  });

  it('a well-formed document still reads', () => {
    const [s] = parseOpenVex(doc([{ vulnerability: { name: 'CVE-1', aliases: ['GHSA-x'] }, status: 'not_affected', products: [{ '@id': 'pkg:oci/app', subcomponents: [{ '@id': 'pkg:npm/a@1' }] }] }]), 'v.json');
    expect(s).toMatchObject({ vulnerability: ['CVE-1', 'GHSA-x'], products: ['pkg:oci/app'], subcomponents: ['pkg:npm/a@1'], status: 'not_affected' });
  });
});

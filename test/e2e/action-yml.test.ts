import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readActionInputs } from '../../src/platform/github/inputs.js';
import { runAction } from '../../src/platform/github/run-action.js';
import { sampleReport } from '../../src/output/testdata/report.js';
import { outcomeOf } from '../../src/scan/config.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { PROJECT_ROOT } from '../helpers/shared.js';

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const yml = load(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as ActionYml;

/** action.yml and the code must agree: an undeclared input is a runner warning, an unread one a silent no-op. */
describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' });
  });

  it('declares exactly the inputs the Action reads, and its defaults parse', () => {
    const read = new Set<string>();
    const defaults = (name: string): string => {
      read.add(name);
      const d = yml.inputs[name]?.default ?? '';
      return name === 'image' ? 'oci-dir:x:y' : d.startsWith('${{') ? '' : d;
    };
    const inputs = readActionInputs(defaults);
    expect([...read].sort()).toEqual(Object.keys(yml.inputs).sort());
    expect(inputs).toMatchObject({ failOn: 'stop', dbCache: true, offline: false, summary: true, annotations: true, commentOnPr: false, uploadSarif: false });
    expect(yml.inputs['github-token']?.default).toBe('${{ github.token }}');
  });

  it('declares exactly the outputs the Action sets', async () => {
    const platform = fakePlatform();
    await runAction({
      platform,
      env: {},
      getInput: (n) => (n === 'image' ? 'oci-dir:x:y' : ''),
      setSecret: () => {},
      scan: async (config) => ({ report: sampleReport(), outcome: outcomeOf('STOP', config.failOn), written: [] }),
    });
    expect(Object.keys(platform.outputs).sort()).toEqual(Object.keys(yml.outputs).sort());
  });

  it("the README's migration examples use only inputs and outputs action.yml declares", () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('### Migrating from anchore/scan-action');
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf('\n## ', start));
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const steps = load(block) as { uses?: string; id?: string; with?: Record<string, unknown> }[];
      const ours = steps.filter((st) => st.uses?.startsWith('portcullis/portcullis@'));
      expect(ours).toHaveLength(1);
      for (const name of Object.keys(ours[0]!.with ?? {})) expect(Object.keys(yml.inputs), name).toContain(name);
      // readActionInputs accepts them as written (no expressions among the values it checks).
      const given = ours[0]!.with ?? {};
      const get = (n: string): string => (typeof given[n] === 'string' && !String(given[n]).includes('${{') ? String(given[n]) : typeof given[n] === 'boolean' ? String(given[n]) : n === 'image' ? 'docker:app:1' : '');
      expect(() => readActionInputs(get)).not.toThrow();
      for (const m of block.matchAll(/steps\.\w+\.outputs\.([\w-]+)/g)) expect(Object.keys(yml.outputs)).toContain(m[1]);
    }
  });
});

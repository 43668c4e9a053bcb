import { describe, expect, it } from 'vitest';
import { bundleOf, context, viewOf } from '../../test-support.js';
import { evaluatePolicy } from '../../evaluate.js';

async function run(trigger: string, params: Record<string, string>) {
  const bundle = bundleOf([{ gate: 'retrieved_files', trigger, params, id: 'rule-7' }]);
  return evaluatePolicy(bundle, context({ files: await viewOf({ 'etc/httpd.conf': 'Listen 80\nSSLEnabled off\n' }, bundle) }), { tag: 'a:1' });
}

describe('retrieved_files', () => {
  it('content_not_available fires only for a missing file', async () => {
    expect((await run('content_not_available', { path: '/etc/httpd.conf' })).findings).toEqual([]);
    expect((await run('content_not_available', { path: '/etc/nginx.conf' })).findings.map((f) => f.message)).toEqual(['Cannot locate file in the image analysis']);
  });

  it.each([
    [{ regex: 'SSLEnabled', check: 'match' }, true],
    [{ regex: 'SSLEnabled', check: 'no_match' }, false],
    [{ regex: 'TLS.*', check: 'no_match' }, true],
    [{ regex: 'Enabled', check: 'match' }, false], // re.match per whitespace token, anchored at the start
  ])('content_regex %j fires: %s', async (params, want) => {
    const e = await run('content_regex', { path: '/etc/httpd.conf', ...params });
    expect(e.findings.length > 0).toBe(want);
    if (want) {
      expect(e.findings[0]).toMatchObject({ trigger_id: 'rule-7+file:///etc/httpd.conf', message: `Content regex '${params.regex}' check '${params.check}' found in retrieved file '/etc/httpd.conf'` });
    }
  });
});

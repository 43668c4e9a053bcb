import { describe, expect, it } from 'vitest';
import { bundleOf, context, viewOf } from '../../test-support.js';
import { evaluatePolicy } from '../../evaluate.js';
import { DEFAULT_SECRET_REGEXES } from '../content-scan.js';

// AWS's documented example credentials, not real ones.
const FILES = {
  'root/.aws/credentials': '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
  'root/.docker/config.json': '{\n  "auths": {\n    "registry.example.com": {\n      "auth": "dXNlcjpwYXNzd29yZA=="\n    }\n  }\n}\n',
  'etc/ssl/private/server.key': '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n',
  'srv/app/.env': 'STRIPE_API_KEY=sk_live_0123456789abcdefghijklmn\n',
  'srv/app/readme.txt': 'Set your api key in the settings page. AKIA is a prefix.\n',
};

async function run(params: Record<string, string>, files: Record<string, string> = FILES) {
  const bundle = bundleOf([{ gate: 'secret_scans', trigger: 'content_regex_checks', params }]);
  return evaluatePolicy(bundle, context({ files: await viewOf(files, bundle) }), { tag: 'a:1' });
}
const hits = async (params: Record<string, string>) => (await run(params)).findings.map((f) => `${f.location?.path} ${/regexp=([A-Z_]+)=/.exec(f.message)?.[1]}`);

describe('secret_scans/content_regex_checks', () => {
  it('finds each default secret kind, and nothing in prose', async () => {
    expect(await hits({})).toEqual([
      '/etc/ssl/private/server.key PRIV_KEY',
      '/root/.aws/credentials AWS_ACCESS_KEY',
      '/root/.aws/credentials AWS_SECRET_KEY',
      '/root/.docker/config.json DOCKER_AUTH',
      '/srv/app/.env API_KEY',
    ]);
  });

  it('filters by content_regex_name and filename_regex', async () => {
    expect(await hits({ content_regex_name: 'AWS_ACCESS_KEY' })).toEqual(['/root/.aws/credentials AWS_ACCESS_KEY']);
    expect(await hits({ filename_regex: '/root/.*' })).toHaveLength(3);
  });

  it("reproduces Anchore's messages for found and notfound", async () => {
    const found = (await run({ content_regex_name: 'PRIV_KEY' })).findings[0]!.message;
    // The regexp text is the entry of Anchore's default analyzer_config.yaml (anchore/anchore-engine
    // anchore_engine/conf/analyzer_config.yaml secret_search), so the md5 trigger id is Anchore's.
    expect(found).toBe('Secret content search analyzer found regexp match in container: file=/etc/ssl/private/server.key regexp=PRIV_KEY=(?i)-+BEGIN(.*)PRIVATE KEY-+');
    expect(DEFAULT_SECRET_REGEXES[2]!.name).toBe('PRIV_KEY');
    expect((await run({ match_type: 'notfound', filename_regex: '/srv/app/readme.*' })).findings.map((f) => f.message)).toEqual([
      'Secret content search analyzer did not find regexp match in container: filename_regex=/srv/app/readme.* content_regex_name=all',
    ]);
    expect((await run({ match_type: 'notfound' })).findings).toEqual([]);
  });

  it('a content_regex_name that is not configured loads and matches nothing, with a problem', async () => {
    const e = await run({ content_regex_name: 'test-regex' });
    expect(e.findings).toEqual([]);
    expect(e.evaluation_problems).toEqual([expect.objectContaining({ problem_type: 'unknown_regex_name' })]);
    expect((await run({ content_regex_name: 'test-regex', match_type: 'notfound' })).findings.map((f) => f.message)).toEqual([
      'Secret content search analyzer did not find regexp match in container: filename_regex=* content_regex_name=test-regex',
    ]);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bundleOf, context, viewOf } from '../../test-support.js';
import { evaluatePolicy } from '../../evaluate.js';

const FILES = {
  'etc/app.conf': 'db_password = hunter2secret\n',
  'etc/notes.txt': 'nothing here\n',
  'srv/key.pem': '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n',
  'usr/bin/su': { content: 'elf', mode: 0o4755 },
  'usr/bin/plain': { content: 'elf', mode: 0o755 },
};

async function run(trigger: string, params: Record<string, string>) {
  const bundle = bundleOf([{ gate: 'files', trigger, params }]);
  const files = await viewOf(FILES, bundle);
  return evaluatePolicy(bundle, context({ files }), { tag: 'app:1' });
}
const messages = async (trigger: string, params: Record<string, string>) => (await run(trigger, params)).findings.map((f) => f.message);

describe('files', () => {
  it('content_regex_match fires per file and default regex; regex_name filters or adds a regex', async () => {
    expect(await messages('content_regex_match', {})).toEqual([
      "File content analyzer found regexp match in container: file=/etc/app.conf regexp=PASSWORD_ASSIGNMENT=(?i)(?:password|passwd|pwd)\\s*[:=]\\s*[\"']?[^\\s\"']{4,}",
      'File content analyzer found regexp match in container: file=/srv/key.pem regexp=PRIVATE_KEY=-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----\\r?\\n(?:[A-Za-z-]+: [^\\n]*\\r?\\n)*\\r?\\n?[A-Za-z0-9+/=]{40,}',
    ]);
    expect(await messages('content_regex_match', { regex_name: 'PRIVATE_KEY' })).toHaveLength(1);
    expect(await messages('content_regex_match', { regex_name: 'nothing here' })).toEqual(['File content analyzer found regexp match in container: file=/etc/notes.txt regexp=nothing here']);
  });

  it('name_match applies re.match to full paths', async () => {
    expect(await messages('name_match', { regex: '.*\\.pem' })).toEqual(['Application of regex matched file found in container: file=/srv/key.pem regexp=.*\\.pem']);
    expect(await messages('name_match', { regex: 'key\\.pem' })).toEqual([]); // anchored at the start
  });

  it('attribute_match compares checksum and mode with their operators, skipping missing files by default', async () => {
    const sum = createHash('sha256').update('elf').digest('hex');
    expect(await messages('attribute_match', { filename: '/usr/bin/su', checksum: sum, mode: '04755' })).toEqual([`filename=/usr/bin/su and checksum=${sum} op=equals specified_checksum=${sum} and mode=0o4755 op=equals specified_mode=0o4755`]);
    expect(await messages('attribute_match', { filename: '/usr/bin/su', checksum: sum, checksum_match: 'not_equals' })).toEqual([]);
    expect(await messages('attribute_match', { filename: '/usr/bin/su', mode: '0755', mode_op: 'not_equals' })).toHaveLength(1);
    expect(await messages('attribute_match', { filename: '/nope' })).toEqual([]);
    expect(await messages('attribute_match', { filename: '/nope', skip_missing: 'false' })).toEqual(['filename=/nope and skip_missing=False']);
  });

  it('suid_or_guid_set fires per file with the bit set', async () => {
    expect(await messages('suid_or_guid_set', {})).toEqual(['SUID or SGID found set on file /usr/bin/su. Mode: 0o4755']);
  });

  it('reports when there is no file view', () => {
    const e = evaluatePolicy(bundleOf([{ gate: 'files', trigger: 'suid_or_guid_set' }]), context(), { tag: 'a:1' });
    expect(e.evaluation_problems[0]).toMatchObject({ problem_type: 'files_unavailable' });
  });
});

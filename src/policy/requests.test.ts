import { describe, expect, it } from 'vitest';
import { policyFileRequests } from './requests.js';
import { bundleOf } from './test-support.js';

describe('policyFileRequests', () => {
  it("collects each rule's needs once, merging same-id requests", () => {
    const b = bundleOf([
      { gate: 'passwd_file', trigger: 'content_not_available' },
      { gate: 'passwd_file', trigger: 'blacklist_usernames', params: { user_names: 'ftp' } },
      { gate: 'retrieved_files', trigger: 'content_not_available', params: { path: '/etc/a.conf' } },
      { gate: 'retrieved_files', trigger: 'content_regex', params: { path: '/etc/b.conf', regex: 'x', check: 'match' } },
      { gate: 'secret_scans', trigger: 'content_regex_checks' },
      { gate: 'secret_scans', trigger: 'content_regex_checks', params: { content_regex_name: 'PRIV_KEY' } },
      { gate: 'files', trigger: 'attribute_match', params: { filename: '/etc/passwd', checksum: 'abc' } },
      { gate: 'files', trigger: 'attribute_match', params: { filename: '/etc/shadow', mode: '0640' } },
      { gate: 'always', trigger: 'always' },
    ]);
    const reqs = policyFileRequests(b);
    expect(reqs.map((r) => r.id)).toEqual(['gate/passwd_file', 'gate/retrieved_files:/etc/a.conf', 'gate/retrieved_files:/etc/b.conf', 'gate/secret_scans', 'gate/files/checksum:/etc/passwd']);
    expect(reqs[0]!.paths).toEqual(['/etc/passwd']);
    const secrets = reqs[3]!;
    expect(secrets.filter?.('/srv/a', { type: 'file', mode: 0o644, size: 10 })).toBe(true);
    expect(secrets.filter?.('/srv/big', { type: 'file', mode: 0o644, size: 2 * 1024 * 1024 })).toBe(false);
    expect(secrets.filter?.('/proc/self/environ', { type: 'file', mode: 0o644, size: 10 })).toBe(false);
    const sink = secrets.sink!('/x');
    sink.write(Buffer.from('aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'));
    expect(sink.end()).toEqual(['AWS_ACCESS_KEY']);
  });

  it('asks for nothing when no rule reads files', () => {
    expect(policyFileRequests(bundleOf([{ gate: 'vulnerabilities', trigger: 'package', params: { package_type: 'all' } }]))).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../common/errors.js';
import { createRecordingLogger } from '../../common/logger.js';
import { resolveCredentials, type CredentialLookup } from './credentials.js';
import { writeCredentialHelper } from '../../../test/helpers/registry/credential-helper.js';

let dir: string;
let bin: string;
let env: NodeJS.ProcessEnv;
const logger = createRecordingLogger();

function writeConfig(doc: unknown): void {
  writeFileSync(join(dir, 'config.json'), typeof doc === 'string' ? doc : JSON.stringify(doc));
}
const lookup = (extra: Partial<CredentialLookup> = {}): CredentialLookup => ({ dockerConfigDir: dir, env, logger, ...extra });
const b64 = (s: string): string => Buffer.from(s).toString('base64');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'portcullis-creds-'));
  bin = join(dir, 'bin');
  env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
  logger.lines.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveCredentials', () => {
  it('is anonymous without a config file', async () => {
    expect(await resolveCredentials('ghcr.io', lookup())).toBeUndefined();
  });

  it('prefers explicit credentials over config.json', async () => {
    writeConfig({ auths: { 'ghcr.io': { auth: b64('cfg:cfgpass') } } });
    expect(await resolveCredentials('ghcr.io', lookup({ explicit: { username: 'flag', password: 'p' } }))).toMatchObject({ kind: 'basic', username: 'flag', password: 'p' });
  });

  it('reads auths: base64 auth, username/password, identity tokens, URL-style keys and the Docker Hub key', async () => {
    writeConfig({
      auths: {
        'ghcr.io': { auth: b64('octo:pa:ss') },
        'reg.example:5000': { username: 'u', password: 'p' },
        'https://quay.example/v1/': { auth: b64('q:qp') },
        'azurecr.example': { identitytoken: 'refresh-me' },
        'https://index.docker.io/v1/': { auth: b64('hub:hubpass') },
      },
    });
    expect(await resolveCredentials('ghcr.io', lookup())).toMatchObject({ kind: 'basic', username: 'octo', password: 'pa:ss' });
    expect(await resolveCredentials('reg.example:5000', lookup())).toMatchObject({ kind: 'basic', username: 'u', password: 'p' });
    expect(await resolveCredentials('quay.example', lookup())).toMatchObject({ kind: 'basic', username: 'q', password: 'qp' });
    expect(await resolveCredentials('azurecr.example', lookup())).toMatchObject({ kind: 'identity-token', token: 'refresh-me' });
    expect(await resolveCredentials('docker.io', lookup())).toMatchObject({ kind: 'basic', username: 'hub' });
    expect(await resolveCredentials('other.example', lookup())).toBeUndefined();
  });

  it('uses DOCKER_CONFIG when no directory is given', async () => {
    writeConfig({ auths: { 'ghcr.io': { auth: b64('env:dir') } } });
    expect(await resolveCredentials('ghcr.io', { env: { ...env, DOCKER_CONFIG: dir }, logger })).toMatchObject({ username: 'env', password: 'dir' });
  });

  it('asks the credHelpers program for its registry, and logs no secret', async () => {
    writeCredentialHelper(bin, 'test', 'reg.example:5000', 'helper-user', 's3cret-from-helper');
    writeConfig({ credHelpers: { 'reg.example:5000': 'test' }, auths: { 'reg.example:5000': { auth: b64('ignored:x') } } });
    expect(await resolveCredentials('reg.example:5000', lookup())).toMatchObject({ kind: 'basic', username: 'helper-user', password: 's3cret-from-helper' });
    expect(readFileSync(join(bin, 'test.log'), 'utf8')).toBe('reg.example:5000\n');
    expect(JSON.stringify(logger.lines)).not.toContain('s3cret');
    expect(JSON.stringify(logger.lines)).toContain('docker-credential-test');
  });

  it('asks the credsStore with the Docker Hub server URL, and falls back to auths when it knows nothing', async () => {
    writeCredentialHelper(bin, 'store', 'https://index.docker.io/v1/', '<token>', 'identity');
    writeConfig({ credsStore: 'store', auths: { 'ghcr.io': { auth: b64('a:b') } } });
    expect(await resolveCredentials('docker.io', lookup())).toMatchObject({ kind: 'identity-token', token: 'identity' });
    expect(await resolveCredentials('ghcr.io', lookup())).toMatchObject({ kind: 'basic', username: 'a' });
    expect(readFileSync(join(bin, 'store.log'), 'utf8')).toBe('https://index.docker.io/v1/\nghcr.io\n');
  });

  it('says clearly when a helper is missing', async () => {
    writeConfig({ credHelpers: { 'ghcr.io': 'absent-helper' } });
    await expect(resolveCredentials('ghcr.io', lookup())).rejects.toThrow(/credential helper docker-credential-absent-helper \(credHelpers in .*config\.json\) is not installed or not on PATH/);
  });

  it('refuses a broken config.json and a bad auth value', async () => {
    writeConfig('{ not json');
    await expect(resolveCredentials('ghcr.io', lookup())).rejects.toThrow(ConfigurationError);
    writeConfig({ auths: { 'ghcr.io': { auth: b64('no-colon') } } });
    await expect(resolveCredentials('ghcr.io', lookup())).rejects.toThrow('is not base64 of user:password');
  });
});

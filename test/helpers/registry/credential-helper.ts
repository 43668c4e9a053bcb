import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `docker-credential-<name>` into `binDir`: a shell script that answers `get` for `server` with
 * `{"Username","Secret"}`, says "credentials not found in native keychain" (exit 1) for any other server, and
 * records each server URL it was asked for in `<binDir>/<name>.log`.
 */
export function writeCredentialHelper(binDir: string, name: string, server: string, username: string, secret: string): string {
  mkdirSync(binDir, { recursive: true });
  const file = join(binDir, `docker-credential-${name}`);
  const json = JSON.stringify({ ServerURL: server, Username: username, Secret: secret });
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      '[ "$1" = get ] || { echo "unsupported: $1" >&2; exit 2; }',
      'read -r server',
      `echo "$server" >> '${join(binDir, `${name}.log`)}'`,
      `if [ "$server" = '${server}' ]; then`,
      `  printf '%s\\n' '${json}'`,
      'else',
      '  echo "credentials not found in native keychain"; exit 1',
      'fi',
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

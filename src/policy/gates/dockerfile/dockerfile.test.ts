import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../../test/helpers/shared.js';
import type { ImageConfig } from '../../../model/index.js';
import { context, evalRule, image } from '../../test-support.js';
import { guessDockerfile, parseDockerfile } from './parse.js';

const DOCKERFILE = ['FROM debian:12 AS build', 'RUN apt-get update \\', '  && apt-get install -y sudo', 'EXPOSE 22 8080/tcp', 'USER app:app', 'HEALTHCHECK CMD curl -f http://localhost/', ''].join('\n');
const actual = () => context({ dockerfile: { text: DOCKERFILE } });
const guessed = (history: string[], cfg = {}) => context({ image: image({ history, cfg }) });
const messages = (gate: string, trigger: string, params: Record<string, string>, ctx = actual()) => evalRule(gate, trigger, params, ctx).findings.map((f) => f.message);

describe('dockerfile parsing', () => {
  it('parses an actual Dockerfile with dockerfile-ast, joining continuations as Anchore does (gates/dockerfile.py)', () => {
    expect(parseDockerfile(DOCKERFILE)).toEqual([
      { directive: 'FROM', args: 'debian:12 AS build', line: 1 },
      { directive: 'RUN', args: 'apt-get update && apt-get install -y sudo', line: 2 },
      { directive: 'EXPOSE', args: '22 8080/tcp', line: 4 },
      { directive: 'USER', args: 'app:app', line: 5 },
      { directive: 'HEALTHCHECK', args: 'CMD curl -f http://localhost/', line: 6 },
    ]);
  });

  it('guesses a Dockerfile from classic and BuildKit history, adding config-only instructions', () => {
    const g = guessDockerfile(
      image({
        history: ['/bin/sh -c #(nop)  ENV A=1', '|1 X=2 /bin/sh -c make install', 'RUN |1 X=2 /bin/sh -c make test # buildkit', 'EXPOSE map[8080/tcp:{} 9090/udp:{}]', 'COPY . . # buildkit'],
        cfg: { User: 'nobody', Healthcheck: { Test: ['CMD-SHELL', 'true'] } },
      }),
    );
    expect(g.mode).toBe('guessed');
    expect(g.lines).toEqual([
      { directive: 'FROM', args: 'scratch' },
      { directive: 'ENV', args: 'A=1' },
      { directive: 'RUN', args: 'make install' },
      { directive: 'RUN', args: 'make test' },
      { directive: 'EXPOSE', args: '8080/tcp 9090/udp' },
      { directive: 'COPY', args: '. .' },
      { directive: 'USER', args: 'nobody' },
      { directive: 'HEALTHCHECK', args: 'CMD true' },
    ]);
    // Anchore's inferred Dockerfile always starts with FROM scratch (anchore-engine anchore_engine/util/docker.py).
    expect(guessDockerfile(image())).toEqual({ mode: 'guessed', lines: [{ directive: 'FROM', args: 'scratch' }] });
  });
});

describe('dockerfile/instruction', () => {
  it.each([
    [{ instruction: 'FROM', check: '=', value: 'debian:12 AS build' }, ["Dockerfile directive 'FROM' check '=' matched against 'debian:12 AS build' for line 'debian:12 AS build'"]],
    [{ instruction: 'USER', check: '!=', value: 'root' }, ["Dockerfile directive 'USER' check '!=' matched against 'root' for line 'app:app'"]],
    [{ instruction: 'RUN', check: 'like', value: '.*sudo.*' }, ["Dockerfile directive 'RUN' check 'like' matched against '.*sudo.*' for line 'apt-get update && apt-get install -y sudo'"]],
    [{ instruction: 'RUN', check: 'not_like', value: '.*sudo.*' }, []],
    [{ instruction: 'USER', check: 'in', value: 'root, app:app' }, ["Dockerfile directive 'USER' check 'in' matched against 'root, app:app' for line 'app:app'"]],
    [{ instruction: 'USER', check: 'not_in', value: 'app:app' }, []],
    [{ instruction: 'expose', check: 'exists' }, ["Dockerfile directive 'EXPOSE' check 'exists' matched against '' for line '22 8080/tcp'"]],
    [{ instruction: 'VOLUME', check: 'not_exists' }, ["Dockerfile directive 'VOLUME' not found, matching condition 'not_exists' check"]],
    [{ instruction: 'HEALTHCHECK', check: 'not_exists' }, []],
  ])('%j', (params, want) => {
    expect(messages('dockerfile', 'instruction', params)).toEqual(want);
  });

  it('carries the Dockerfile line of an actual Dockerfile', () => {
    expect(evalRule('dockerfile', 'instruction', { instruction: 'USER', check: 'exists' }, actual()).findings[0]!.location).toEqual({ line: 5 });
  });

  it('actual_dockerfile_only skips guessed Dockerfiles; without history the guessed Dockerfile is FROM scratch', () => {
    const g = guessed(['/bin/sh -c #(nop)  VOLUME /data']);
    expect(messages('dockerfile', 'instruction', { instruction: 'VOLUME', check: 'exists' }, g)).toHaveLength(1);
    expect(messages('dockerfile', 'instruction', { instruction: 'VOLUME', check: 'exists', actual_dockerfile_only: 'true' }, g)).toEqual([]);
    const e = evalRule('dockerfile', 'instruction', { instruction: 'VOLUME', check: 'not_exists' }, context());
    expect(e.findings.map((f) => f.message)).toEqual(["Dockerfile directive 'VOLUME' not found, matching condition 'not_exists' check"]);
    expect(messages('dockerfile', 'instruction', { instruction: 'FROM', check: '=', value: 'scratch' }, context())).toEqual(["Dockerfile directive 'FROM' check '=' matched against 'scratch' for line 'scratch'"]);
  });
});

describe('dockerfile/effective_user, exposed_ports, no_dockerfile_provided', () => {
  it.each([
    [{ users: 'root', type: 'blacklist' }, actual(), []],
    [{ users: 'root,app', type: 'whitelist' }, actual(), []],
    [{ users: 'root', type: 'whitelist' }, actual(), ['User app found as effective user, which is not on the allowed list']],
    [{ users: 'app', type: 'denylist' }, actual(), ['User app found as effective user, which is explicity not allowed']],
    [{ users: 'root', type: 'blacklist' }, guessed(['/bin/sh -c make']), ['User root found as effective user, which is explicity not allowed']],
    [{ users: 'root', type: 'blacklist' }, guessed(['/bin/sh -c make'], { User: 'svc' }), []],
  ])('effective_user %j', (params, ctx, want) => {
    expect(messages('dockerfile', 'effective_user', params, ctx)).toEqual(want);
  });

  it.each([
    [{ ports: '22,23', type: 'blacklist' }, ['Dockerfile exposes port (22) which is in policy file DENIEDPORTS list']],
    // The token as written, `/tcp` kept (anchore-engine gates/dockerfile.py ExposedPortsTrigger).
    [{ ports: '8080', type: 'blacklist' }, ['Dockerfile exposes port (8080/tcp) which is in policy file DENIEDPORTS list']],
    [{ ports: '8080', type: 'whitelist' }, ['Dockerfile exposes port (22) which is not in policy file ALLOWEDPORTS list']],
    [{ ports: '22, 8080', type: 'allowlist' }, []],
  ])('exposed_ports %j', (params, want) => {
    expect(messages('dockerfile', 'exposed_ports', params)).toEqual(want);
  });

  it('no_dockerfile_provided fires unless the Dockerfile is the actual one', () => {
    expect(messages('dockerfile', 'no_dockerfile_provided', {})).toEqual([]);
    expect(messages('dockerfile', 'no_dockerfile_provided', {}, guessed(['/bin/sh -c make']))).toEqual(['Image was not analyzed with an actual Dockerfile']);
    expect(messages('dockerfile', 'no_dockerfile_provided', {}, context())).toEqual(['Image was not analyzed with an actual Dockerfile']);
  });
});

/** The config of a ref in the shared OCI layout. */
function sharedConfig(ref: string): ImageConfig {
  const layout = sharedPath('fixtures/images/debian-fixtures.oci');
  const blob = (digest: string) => JSON.parse(readFileSync(join(layout, 'blobs', ...digest.split(':')), 'utf8'));
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
  const desc = index.manifests.find((m: { annotations?: Record<string, string> }) => m.annotations?.['org.opencontainers.image.ref.name'] === ref);
  return blob(blob(desc.digest).config.digest);
}

describeShared('dockerfile gate on the shared dockerfile-app image history', () => {
  it.each(['dockerfile-app-buildkit', 'dockerfile-app-classic', 'dockerfile-app-buildah-layers'])('guesses the same instructions from %s', (ref) => {
    const g = guessDockerfile(image({ config: sharedConfig(ref) }));
    expect(g.mode).toBe('guessed');
    // FROM scratch, as Anchore infers it; the first two entries (debootstrap, umoci) are not Dockerfile
    // instructions and are guessed as RUN.
    expect(g.lines[0]).toEqual({ directive: 'FROM', args: 'scratch' });
    expect(g.lines.map((l) => l.directive).slice(3)).toEqual(['ARG', 'ARG', 'LABEL', 'ENV', 'RUN', 'RUN', 'WORKDIR', 'COPY', 'RUN', 'COPY', 'USER', 'EXPOSE', 'CMD']);
    expect(g.lines.filter((l) => l.directive === 'USER').map((l) => l.args)).toEqual(['app']);
    expect(g.lines.find((l) => l.directive === 'EXPOSE')!.args).toMatch(/^8080(\/tcp)?$/);
    expect(g.lines.filter((l) => l.directive === 'RUN' && /npm ci --omit=dev/.test(l.args))).toHaveLength(1);
    const ctx = context({ image: image({ config: sharedConfig(ref) }) });
    expect(messages('dockerfile', 'effective_user', { users: 'root', type: 'blacklist' }, ctx)).toEqual([]);
    const exposed = g.lines.find((l) => l.directive === 'EXPOSE')!.args;
    expect(messages('dockerfile', 'exposed_ports', { ports: '8080', type: 'blacklist' }, ctx)).toEqual([`Dockerfile exposes port (${exposed}) which is in policy file DENIEDPORTS list`]);
    expect(messages('dockerfile', 'instruction', { instruction: 'HEALTHCHECK', check: 'not_exists' }, ctx)).toHaveLength(1);
  });

  it('parses the actual Dockerfile of dockerfile-app with its line numbers', () => {
    const lines = parseDockerfile(readFileSync(sharedPath('fixtures/images/dockerfile-app/context/Dockerfile'), 'utf8'));
    expect(lines.map((l) => `${l.line}:${l.directive}`)).toEqual(['3:FROM', '5:ARG', '6:ARG', '8:LABEL', '11:ENV', '14:RUN', '23:RUN', '26:WORKDIR', '28:COPY', '29:RUN', '32:COPY', '34:USER', '35:EXPOSE', '36:CMD']);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../common/errors.js';
import { inputsFromEnv, parseListInput, readActionInputs } from './inputs.js';

/** The runner's contract: INPUT_ + the name upper-cased, hyphens kept. */
const env = (inputs: Record<string, string>): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));

describe('readActionInputs', () => {
  it('reads INPUT_* variables with their hyphens, with the documented defaults', () => {
    const inputs = readActionInputs(inputsFromEnv(env({ image: ' oci-dir:layout:app ', 'fail-on': 'WARN', 'severity-cutoff': 'high' })));
    expect(inputs).toEqual({
      image: 'oci-dir:layout:app',
      failOn: 'warn',
      severityCutoff: 'High',
      onlyFixed: false,
      dbCache: true,
      layerCache: true,
      offline: false,
      vex: [],
      outputs: [],
      uploadSarif: false,
      commentOnPr: false,
      summary: true,
      annotations: true,
    });
  });

  it('baseline, fail-scope and baseline-optional go together, with one-line errors', () => {
    expect(readActionInputs(inputsFromEnv(env({ image: 'x', baseline: 'base.json', 'fail-scope': 'NEW' }))).baseline).toEqual({ ref: 'base.json', failScope: 'new', optional: false });
    expect(readActionInputs(inputsFromEnv(env({ image: 'x', baseline: 'store:', 'baseline-optional': 'true' }))).baseline).toEqual({ ref: 'store:', failScope: 'all', optional: true });
    expect(() => readActionInputs(inputsFromEnv(env({ image: 'x', 'fail-scope': 'new' })))).toThrow('input fail-scope: new needs baseline');
    expect(() => readActionInputs(inputsFromEnv(env({ image: 'x', baseline: 'b.json', 'fail-scope': 'some' })))).toThrow('input fail-scope must be all or new, got "some"');
  });

  it('ignores underscore spellings (the runner never sets INPUT_FAIL_ON)', () => {
    const inputs = readActionInputs(inputsFromEnv({ INPUT_IMAGE: 'x', INPUT_FAIL_ON: 'never' }));
    expect(inputs.failOn).toBe('stop');
  });

  it('masks the registry password and the token before anything else', () => {
    const masked: string[] = [];
    const inputs = readActionInputs(inputsFromEnv(env({ image: 'registry:ghcr.io/o/a:1', 'registry-username': 'bot', 'registry-password': 's3cret', 'github-token': 'ghs_x' })), (s) => masked.push(s));
    expect(masked).toEqual(['s3cret', 'ghs_x']);
    expect(inputs.registry).toEqual({ username: 'bot', password: 's3cret' });
  });

  it('masks the password even when the inputs are then rejected', () => {
    const masked: string[] = [];
    expect(() => readActionInputs(inputsFromEnv(env({ image: 'x', 'registry-password': 'p' })), (s) => masked.push(s))).toThrow(
      'inputs registry-username and registry-password go together',
    );
    expect(masked).toEqual(['p']);
  });

  it('reads the store inputs and masks the store token, even when the inputs are then rejected', () => {
    const masked: string[] = [];
    const inputs = readActionInputs(inputsFromEnv(env({ image: 'x', 'store-url': 'https://store.example', 'store-token': 'pcs_secret', 'store-fail-on-error': 'true' })), (s) => masked.push(s));
    expect(masked).toEqual(['pcs_secret']);
    expect(inputs.store).toEqual({ url: 'https://store.example', token: 'pcs_secret', failOnError: true });
    expect(readActionInputs(inputsFromEnv(env({ image: 'x', 'store-url': 'http://127.0.0.1:9' }))).store).toEqual({ url: 'http://127.0.0.1:9', failOnError: false });
    expect(readActionInputs(inputsFromEnv(env({ image: 'x' }))).store).toBeUndefined();
    masked.length = 0;
    expect(() => readActionInputs(inputsFromEnv(env({ image: 'x', 'store-token': 'orphan' })), (s) => masked.push(s))).toThrow('inputs store-token and store-fail-on-error need store-url');
    expect(masked).toEqual(['orphan']);
  });

  it('reads booleans and multi-line outputs', () => {
    const inputs = readActionInputs(
      inputsFromEnv(env({ image: 'x', 'only-fixed': 'TRUE', 'db-cache': 'false', offline: 'yes', 'upload-sarif': 'true', 'comment-on-pr': 'true', summary: 'false', annotations: 'off', outputs: 'json=out/r.json\n# a comment\n\n  cyclonedx=sbom.cdx.json , md\n' })),
    );
    expect(inputs).toMatchObject({ onlyFixed: true, dbCache: false, offline: true, uploadSarif: true, commentOnPr: true, summary: false, annotations: false });
    expect(inputs.outputs).toEqual(['json=out/r.json', 'cyclonedx=sbom.cdx.json', 'md']);
  });

  it.each([
    [{ image: '' }, 'input image is required'],
    [{ image: 'x', 'fail-on': 'always' }, 'input fail-on must be one of stop, warn, never, got "always"'],
    [{ image: 'x', 'severity-cutoff': 'severe' }, 'input severity-cutoff must be one of'],
    [{ image: 'x', offline: 'maybe' }, 'input offline must be true or false, got "maybe"'],
    [{ image: 'x', platform: 'amd64' }, 'input platform must be os/arch[/variant]'],
  ])('rejects %o with a one-line ConfigurationError', (values, message) => {
    const read = () => readActionInputs(inputsFromEnv(env(values)));
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(message);
  });
});

describe('parseListInput', () => {
  it('splits lines and commas, drops blanks and comments', () => {
    expect(parseListInput('a\r\n b=c, d \n#e\n')).toEqual(['a', 'b=c', 'd']);
    expect(parseListInput('')).toEqual([]);
  });
});

/**
 * The Action's inputs (action.yml), read once into plain data and checked with one-line messages. Reading goes
 * through a `getInput` function so that tests can feed a map; the runner's contract (INPUT_<NAME> with the hyphens
 * kept, upper-cased) is implemented by `inputsFromEnv`.
 */

import { ConfigurationError } from '../../common/errors.js';
import type { FailScope, Severity } from '../../model/index.js';
import { FAIL_ON_VALUES, parseSeverity, type FailOn } from '../../scan/config.js';

export interface ActionInputs {
  image: string;
  dockerfile?: string;
  /** The repository checkout (actions/checkout's `path`): SARIF and annotation paths are relative to it. GITHUB_WORKSPACE when absent. */
  checkoutPath?: string;
  policy?: string;
  failOn: FailOn;
  severityCutoff?: Severity;
  onlyFixed: boolean;
  platform?: string;
  registry?: { username: string; password: string };
  dbCache: boolean;
  /** Keep the per-layer analyses in the Actions cache (issue 17). */
  layerCache: boolean;
  dbUrl?: string;
  dbRepository?: string;
  offline: boolean;
  /** Vulnerability ignores (.portcullis-ignore.yaml), as the CLI's --ignore-file. */
  ignoreFile?: string;
  /** OpenVEX documents, as the CLI's --vex (one per line). */
  vex: string[];
  /** `FORMAT[=PATH]` lines. */
  outputs: string[];
  sarifFile?: string;
  uploadSarif: boolean;
  commentOnPr: boolean;
  summary: boolean;
  annotations: boolean;
  githubToken?: string;
  /** A previous scan to mark what is new against (the CLI's --baseline, --fail-scope, --baseline-optional). */
  baseline?: { ref: string; failScope: FailScope; optional: boolean };
  /** Push the evaluation to our store (`portcullis serve`). */
  store?: { url: string; token?: string; failOnError: boolean };
}

export type GetInput = (name: string) => string;

/** The runner's contract: `INPUT_` + the name upper-cased with spaces as underscores (hyphens are kept). */
export function inputsFromEnv(env: NodeJS.ProcessEnv): GetInput {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

export function parseBooleanInput(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new ConfigurationError(`input ${name} must be true or false, got "${value}"`);
}

/** Non-empty lines, without `#` comment lines; commas also separate, so `sarif, json=report.json` works on one line. */
export function parseListInput(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .flatMap((l) => l.split(','))
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Reads and checks every input. `setSecret` is called for the registry password, the GitHub token and the store
 * token before anything else can log them.
 */
export function readActionInputs(get: GetInput, setSecret: (secret: string) => void = () => {}): ActionInputs {
  const text = (name: string): string | undefined => get(name).trim() || undefined;
  const bool = (name: string, fallback: boolean): boolean => parseBooleanInput(name, get(name), fallback);

  const password = get('registry-password');
  if (password) setSecret(password);
  const token = text('github-token');
  if (token) setSecret(token);
  const storeToken = text('store-token');
  if (storeToken) setSecret(storeToken);

  const image = text('image');
  if (!image) throw new ConfigurationError('input image is required: an image reference such as docker:app:latest, oci-archive:app.tar or registry:ghcr.io/org/app:1.0');

  const username = text('registry-username');
  if (Boolean(username) !== Boolean(password)) {
    throw new ConfigurationError('inputs registry-username and registry-password go together; give both or neither');
  }
  const failOnText = text('fail-on');
  const cutoff = text('severity-cutoff');
  const dockerfile = text('dockerfile');
  const checkoutPath = text('checkout-path');
  const ignoreFile = text('ignore-file');
  const policy = text('policy');
  const platform = text('platform');
  const dbUrl = text('db-url');
  const dbRepository = text('db-repository');
  const sarifFile = text('sarif-file');
  const storeUrl = text('store-url');
  const baseline = text('baseline');
  const failScope = (text('fail-scope') ?? 'all').toLowerCase() as FailScope;
  if (failScope !== 'all' && failScope !== 'new') throw new ConfigurationError(`input fail-scope must be all or new, got "${get('fail-scope').trim()}"`);
  const baselineOptional = bool('baseline-optional', false);
  if (!baseline && (failScope === 'new' || baselineOptional)) throw new ConfigurationError(`input ${failScope === 'new' ? 'fail-scope: new' : 'baseline-optional'} needs baseline`);
  const storeFailOnError = bool('store-fail-on-error', false);
  if (!storeUrl && (storeToken || storeFailOnError)) throw new ConfigurationError('inputs store-token and store-fail-on-error need store-url');
  if (platform && !/^[a-z0-9_]+\/[a-z0-9_]+(\/[a-z0-9_.]+)?$/i.test(platform)) {
    throw new ConfigurationError(`input platform must be os/arch[/variant], such as linux/amd64 or linux/arm64/v8, got "${platform}"`);
  }
  return {
    image,
    ...(dockerfile ? { dockerfile } : {}),
    ...(checkoutPath ? { checkoutPath } : {}),
    ...(policy ? { policy } : {}),
    failOn: failOnText ? failOnInput(failOnText) : 'stop',
    ...(cutoff ? { severityCutoff: parseSeverity(cutoff, 'input severity-cutoff') } : {}),
    onlyFixed: bool('only-fixed', false),
    ...(platform ? { platform } : {}),
    ...(username && password ? { registry: { username, password } } : {}),
    dbCache: bool('db-cache', true),
    layerCache: bool('layer-cache', true),
    ...(dbUrl ? { dbUrl } : {}),
    ...(dbRepository ? { dbRepository } : {}),
    offline: bool('offline', false),
    ...(ignoreFile ? { ignoreFile } : {}),
    vex: parseListInput(get('vex')),
    outputs: parseListInput(get('outputs')),
    ...(sarifFile ? { sarifFile } : {}),
    uploadSarif: bool('upload-sarif', false),
    commentOnPr: bool('comment-on-pr', false),
    summary: bool('summary', true),
    annotations: bool('annotations', true),
    ...(token ? { githubToken: token } : {}),
    ...(baseline ? { baseline: { ref: baseline, failScope, optional: baselineOptional } } : {}),
    ...(storeUrl ? { store: { url: storeUrl, ...(storeToken ? { token: storeToken } : {}), failOnError: storeFailOnError } } : {}),
  };
}

function failOnInput(value: string): FailOn {
  const v = value.trim().toLowerCase() as FailOn;
  if (!FAIL_ON_VALUES.includes(v)) throw new ConfigurationError(`input fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, got "${value}"`);
  return v;
}

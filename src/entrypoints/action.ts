import * as core from '@actions/core';
import { getErrorMessage } from '../common/errors.js';
import { exitCodeOf } from '../common/outcome.js';
import { octokitApi } from '../platform/github/api.js';
import { actionsCache } from '../platform/github/db-cache.js';
import { githubPlatform } from '../platform/github/github-platform.js';
import { inputsFromEnv } from '../platform/github/inputs.js';
import { runAction } from '../platform/github/run-action.js';
import { runScan } from '../scan/pipeline.js';

// The Action's main: wiring only. runAction concludes the step itself (outputs, reports, annotations, the outcome).
async function main(): Promise<void> {
  await runAction({
    platform: githubPlatform(),
    env: process.env,
    getInput: inputsFromEnv(process.env),
    setSecret: (s) => core.setSecret(s),
    scan: runScan,
    api: (token, apiUrl) => octokitApi(token, apiUrl, { warn: (m) => core.warning(m) }),
    cache: actionsCache,
  });
}

main().catch((error: unknown) => {
  core.setFailed(`Portcullis: internal error: ${getErrorMessage(error)}`);
  process.exitCode = exitCodeOf('internal-error');
});

import * as core from '@actions/core';
import { getErrorMessage } from '../common/errors.js';
import { exitCodeOf, outcomeOfError } from '../common/outcome.js';
import { loadImage } from '../image/open.js';
import { formatPlatform, parsePlatform } from '../image/manifest.js';
import { readActionInputs } from '../platform/github/inputs.js';

async function run(): Promise<number> {
  try {
    const inputs = readActionInputs();
    const logger = { debug: core.debug, info: core.info, warning: (m: string) => core.warning(m), error: (m: string) => core.error(m) };
    const view = await loadImage(inputs.image, {
      env: process.env,
      logger,
      ...(inputs.platform ? { platform: parsePlatform(inputs.platform) } : {}),
    });
    const m = view.metadata;
    core.info(`Read ${m.reference}: ${m.layers.length} layers, ${view.size} paths, platform ${formatPlatform(m.platform)}`);
    core.setOutput('manifest-digest', m.manifestDigest ?? '');
    core.setOutput('config-digest', m.configDigest);
    core.setOutput('layers', String(m.layers.length));
    return 0;
  } catch (error) {
    core.setFailed(getErrorMessage(error));
    return exitCodeOf(outcomeOfError(error));
  }
}

void run().then((code) => {
  process.exitCode = code;
});

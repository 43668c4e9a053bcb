/** The Platform on a GitHub Actions runner, through @actions/core (workflow commands, GITHUB_OUTPUT, the job summary). */

import * as core from '@actions/core';
import { redactSecrets, type Logger } from '../../common/logger.js';
import { exitCodeOf, type Outcome } from '../../common/outcome.js';
import type { Annotation, Platform } from '../platform.js';

export function githubPlatform(): Platform {
  // A URL's user info never reaches the log (the Action masks the secrets it is given; this covers the rest).
  const logger: Logger = {
    debug: (m) => core.debug(redactSecrets(m)),
    info: (m) => core.info(redactSecrets(m)),
    warning: (m) => core.warning(redactSecrets(m)),
    error: (m) => core.error(redactSecrets(m)),
  };
  return {
    logger,
    annotate(a: Annotation) {
      const props: core.AnnotationProperties = {
        ...(a.title ? { title: a.title } : {}),
        ...(a.file ? { file: a.file } : {}),
        ...(a.line !== undefined ? { startLine: a.line } : {}),
        ...(a.endLine !== undefined ? { endLine: a.endLine } : {}),
      };
      if (a.level === 'error') core.error(a.message, props);
      else if (a.level === 'warning') core.warning(a.message, props);
      else core.notice(a.message, props);
    },
    async summary(markdown: string) {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.debug('GITHUB_STEP_SUMMARY is not set; no job summary');
        return;
      }
      await core.summary.addRaw(markdown, true).write();
    },
    setOutputs(outputs) {
      for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
    },
    conclude(outcome: Outcome, message: string) {
      if (outcome === 'go') core.info(message);
      else if (outcome === 'warn') core.warning(message);
      else {
        core.setFailed(message);
        process.exitCode = exitCodeOf(outcome);
      }
    },
  };
}

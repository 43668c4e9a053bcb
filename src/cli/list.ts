import type { CliCommand } from './command.js';
import { compareCommand } from './commands/compare.js';
import { complianceCommand } from './commands/compliance.js';
import { dbCommand } from './commands/db.js';
import { imageCommand } from './commands/image.js';
import { scanCommand } from './commands/scan.js';
import { sbomCommand } from './commands/sbom.js';
import { policyCommand } from './commands/policy.js';
import { pushCommand } from './commands/push.js';
import { serveCommand } from './commands/serve.js';
import { versionCommand } from './commands/version.js';

/** Every top-level command, in `--help` order. */
export const CLI_COMMANDS: readonly CliCommand[] = [scanCommand, compareCommand, sbomCommand, imageCommand, versionCommand, dbCommand, policyCommand, pushCommand, complianceCommand, serveCommand];

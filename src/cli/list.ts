import type { CliCommand } from './command.js';
import { imageCommand } from './commands/image.js';

/** Every top-level command, in `--help` order. */
export const CLI_COMMANDS: readonly CliCommand[] = [imageCommand];

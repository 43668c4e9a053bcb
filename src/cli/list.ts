import type { CliCommand } from './command.js';

/**
 * A top-level command: its name, and the loader of its module. A command line that names a command loads that
 * module alone (`portcullis scan …` does not load the store server, the compliance runner or the other commands'
 * dependencies, which would be memory every scan holds for nothing); `--help` and anything else load them all.
 */
export interface CliCommandEntry {
  readonly name: string;
  readonly load: () => Promise<CliCommand>;
}

/** Every top-level command, in `--help` order. program.test.ts checks that each loads a command of its name. */
export const CLI_COMMANDS: readonly CliCommandEntry[] = [
  { name: 'scan', load: async () => (await import('./commands/scan.js')).scanCommand },
  { name: 'compare', load: async () => (await import('./commands/compare.js')).compareCommand },
  { name: 'sbom', load: async () => (await import('./commands/sbom.js')).sbomCommand },
  { name: 'image', load: async () => (await import('./commands/image.js')).imageCommand },
  { name: 'version', load: async () => (await import('./commands/version.js')).versionCommand },
  { name: 'db', load: async () => (await import('./commands/db.js')).dbCommand },
  { name: 'policy', load: async () => (await import('./commands/policy.js')).policyCommand },
  { name: 'push', load: async () => (await import('./commands/push.js')).pushCommand },
  { name: 'compliance', load: async () => (await import('./commands/compliance.js')).complianceCommand },
  { name: 'serve', load: async () => (await import('./commands/serve.js')).serveCommand },
];

/** Every command, loaded, in `--help` order. */
export async function loadCliCommands(): Promise<readonly CliCommand[]> {
  return Promise.all(CLI_COMMANDS.map((c) => c.load()));
}

/** What every plugin (source, cataloger, scheme, matcher, gate, format, sink) carries. */
export type Requirement = 'network' | 'daemon' | 'registry';

export interface Plugin {
  /** Stable, kebab-case, path-like id: `oci-dir`, `dpkg/status`, `gate/vulnerabilities`. */
  readonly id: string;
  /** Bumped whenever the output for the same input changes. */
  readonly version: number;
  readonly requires?: readonly Requirement[];
  readonly description?: string;
}

export type PluginStatus =
  | { state: 'succeeded' }
  | { state: 'partial'; reason: string }
  | { state: 'failed'; reason: string };

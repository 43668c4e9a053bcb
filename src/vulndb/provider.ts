import type { Logger } from '../common/logger.js';
import type { Plugin } from '../plugin/plugin.js';
import type { EnrichmentRecord } from './enrichment.js';
import type { OsvRecord } from './osv.js';

/**
 * What a source's records are: OSV records (`osv`), native advisories turned into OSV at import (`alpine-secdb`,
 * `native`: Amazon ALAS, Oracle ELSA, Red Hat CSAF/OVAL, SUSE, Azure Linux, Photon, Wolfi / Chainguard secdb), or
 * enrichment joined by CVE id (`nvd`, `kev`, `epss`).
 */
export type SourceKind = 'osv' | 'alpine-secdb' | 'native' | 'nvd' | 'kev' | 'epss';

/** Source kinds whose batches carry `enrichments` rather than `records`. */
export const ENRICHMENT_KINDS: ReadonlySet<SourceKind> = new Set(['nvd', 'kev', 'epss']);

/** What the database keeps about one source between updates (also handed back to the provider for conditional requests). */
export interface SourceState {
  /** Stable across updates: `osv-bucket:npm`, `osv-local:/data/osv`, `alpine-secdb:/data/secdb`. */
  id: string;
  provider: string;
  kind: SourceKind;
  /** The URL or path the records came from. */
  location: string;
  /** When the data was last fetched or confirmed unchanged (ISO). */
  fetchedAt: string;
  etag?: string;
  lastModified?: string;
  /** OSV bucket sources: the newest `modified` of the stored records (the incremental high-water mark). */
  highWater?: string;
}

/** One source's outcome of a fetch. */
export type SourceBatch =
  | (SourceState & { notModified: false; records: OsvRecord[]; enrichments?: EnrichmentRecord[]; skipped: SkippedInput[] })
  /** The server answered 304: the stored records stay, with a new `fetchedAt`. */
  | (SourceState & { notModified: true });

/** An input that was not a usable record, with why (kept in the metadata and shown by `db status`). */
export interface SkippedInput {
  where: string;
  reason: string;
}

export interface FetchContext {
  logger: Logger;
  signal?: AbortSignal;
  /** The stored state of every source, for conditional requests. */
  previous: ReadonlyMap<string, SourceState>;
  /** The stored records of a source (for incremental updates); undefined when it is not stored. */
  previousRecords?(id: string): OsvRecord[] | undefined;
  now(): Date;
}

export interface ProviderOptions {
  /** Bucket ecosystems to fetch (`npm`, `PyPI`, `Debian`…) or Alpine branches (`v3.20`). */
  ecosystems?: readonly string[];
  /** Base URL of a remote source. */
  url?: string;
  /** A local folder or file. */
  path?: string;
  /** Per-request time-out in milliseconds. */
  timeoutMs?: number;
  /** Retries after the first attempt on 429, 5xx, time-outs and network errors. */
  retries?: number;
  /** Base of the exponential back-off in milliseconds. */
  backoffMs?: number;
}

/**
 * A vulnerability data provider. It turns one feed into OSV records, grouped in sources; the database stores each
 * source as a unit, so an update replaces a source's records whole. A provider that fails throws; the database
 * then keeps its previous state.
 */
export interface VulnerabilityProvider extends Plugin {
  fetch(options: ProviderOptions, ctx: FetchContext): Promise<SourceBatch[]>;
}

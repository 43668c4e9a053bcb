import type { OsvRecord } from './osv.js';
import { packageKey } from './names.js';
import type { SourceKind } from './provider.js';
import type { SegmentMeta, StoredRecord } from './store.js';

/** An in-memory record index with the database's `lookup`: for tests, and for records passed in directly. */
export class MemoryLookup {
  readonly #index = new Map<string, StoredRecord[]>();

  constructor(sources: readonly { id: string; kind: SourceKind; records: readonly OsvRecord[] }[]) {
    for (const s of sources) {
      const meta: SegmentMeta = {
        id: s.id,
        provider: 'memory',
        kind: s.kind,
        location: 'memory',
        fetchedAt: new Date(0).toISOString(),
        records: s.records.length,
        ecosystems: {},
        skipped: 0,
        skippedExamples: [],
        data: '',
        index: '',
        bytes: 0,
      };
      for (const record of s.records) {
        const keys = new Set((record.affected ?? []).filter((a) => a.package).map((a) => packageKey(a.package!.ecosystem, a.package!.name)));
        for (const k of keys) {
          let list = this.#index.get(k);
          if (!list) this.#index.set(k, (list = []));
          list.push({ record, source: meta });
        }
      }
    }
  }

  lookup(ecosystem: string, name: string): StoredRecord[] {
    return this.#index.get(packageKey(ecosystem, name)) ?? [];
  }
}

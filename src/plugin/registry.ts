import { ConfigurationError } from '../common/errors.js';
import type { Plugin } from './plugin.js';

/**
 * An ordered, explicit registry of one kind of plugin. Built from a literal list in that kind's `list.ts`;
 * duplicate ids are rejected when the list is built, and unknown ids given by a user are configuration errors.
 */
export class Registry<T extends Plugin> {
  readonly #byId = new Map<string, T>();
  readonly #aliases = new Map<string, string>();

  constructor(
    readonly kind: string,
    plugins: readonly T[],
    aliasesOf: (p: T) => readonly string[] = () => [],
  ) {
    for (const p of plugins) {
      if (this.#byId.has(p.id) || this.#aliases.has(p.id)) throw new Error(`Duplicate ${kind} id "${p.id}"`);
      this.#byId.set(p.id, p);
    }
    for (const p of plugins) {
      for (const alias of aliasesOf(p)) {
        if (this.#byId.has(alias) || this.#aliases.has(alias)) throw new Error(`Duplicate ${kind} alias "${alias}"`);
        this.#aliases.set(alias, p.id);
      }
    }
  }

  all(): T[] {
    return [...this.#byId.values()];
  }

  ids(): string[] {
    return [...this.#byId.keys()];
  }

  find(idOrAlias: string): T | undefined {
    return this.#byId.get(idOrAlias) ?? this.#byId.get(this.#aliases.get(idOrAlias) ?? '');
  }

  /** Looks a plugin up by id or alias; an unknown name is the user's mistake and says what exists. */
  get(idOrAlias: string): T {
    const p = this.find(idOrAlias);
    if (!p) {
      throw new ConfigurationError(`Unknown ${this.kind} "${idOrAlias}". Known: ${[...this.#byId.keys(), ...this.#aliases.keys()].sort().join(', ')}`);
    }
    return p;
  }
}

import { Registry } from '../plugin/registry.js';
import type { Cataloger } from './cataloger.js';

/** Every cataloger, in run order. One line per cataloger; nothing registers itself. */
export const CATALOGERS: readonly Cataloger[] = [];

export const catalogerRegistry = new Registry<Cataloger>('cataloger', CATALOGERS);

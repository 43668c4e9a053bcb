import { Registry } from '../plugin/registry.js';
import { anchoreImportSinkKind } from './anchore-import-sink.js';
import type { ResultSinkKind } from './sink.js';
import { storeSinkKind } from './store-sink.js';

/** Every kind of result sink, by id (`--sink`). */
export const RESULT_SINKS = new Registry<ResultSinkKind>('result sink', [storeSinkKind, anchoreImportSinkKind], (s) => s.aliases);

import { defineScheme } from '../scheme.js';
import { compareNumberLists, parseNumbers } from './numeric.js';

export const hackageScheme = defineScheme<string[]>({
  id: 'hackage',
  version: 1,
  aliases: ['haskell', 'pvp'],
  description: 'Haskell/Hackage (PVP) versions: dotted numbers compared numerically; longer is greater',
  parse: (text) => parseNumbers(text, '.'),
  compare: compareNumberLists,
});

import { defineScheme } from '../scheme.js';
import { compareNumberLists, parseNumbers } from './numeric.js';

export const cranScheme = defineScheme<string[]>({
  id: 'cran',
  version: 1,
  aliases: ['r'],
  description: 'R/CRAN package versions: numbers separated by . or -, compared numerically; longer is greater',
  parse: (text) => parseNumbers(text, '.-'),
  compare: compareNumberLists,
});

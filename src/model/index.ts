export type * from './image.js';
export type * from './package.js';
export type * from './finding.js';
export type * from './report.js';

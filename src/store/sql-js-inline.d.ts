/** sql.js's build with the WASM inlined in the JS file (no side file to ship in the bundle). */
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}

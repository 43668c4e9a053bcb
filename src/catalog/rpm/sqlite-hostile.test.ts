/**
 * Regression tests for rpmdb.sqlite inputs found by `npm run fuzz` (target rpm-db): a corrupt page must be a
 * SqliteError naming the page, never a RangeError whose text leaks into the unknown's reason. Field offsets follow
 * the SQLite file format (https://www.sqlite.org/fileformat.html, 1.3 "The database header", 1.6 "B-tree pages").
 */
import { describe, expect, it } from 'vitest';
import { readDatabase } from './cataloger.js';
import { SqliteError, SqliteFile } from './sqlite.js';

const PAGE = 512;

/** A one-page database whose page 1 is a table b-tree page (`type`) with the given cell pointers. */
function sqlite(type: number, pointers: number[], pages = 1): Buffer {
  const d = Buffer.alloc(PAGE * pages);
  d.write('SQLite format 3\0', 0, 'latin1');
  d.writeUInt16BE(PAGE, 16);
  d[20] = 0; // reserved bytes a page
  d.writeUInt32BE(1, 56); // UTF-8
  const h = 100;
  d[h] = type;
  d.writeUInt16BE(pointers.length, h + 3);
  const cellArray = h + (type === 0x05 ? 12 : 8);
  pointers.forEach((p, i) => d.writeUInt16BE(p, cellArray + i * 2));
  return d;
}

describe('rpmdb.sqlite corrupt pages', () => {
  it('a leaf cell pointer past the page is "corrupt sqlite page 1"', () => {
    const db = new SqliteFile(sqlite(0x0d, [0xfff0]));
    expect(() => [...db.rows(1)]).toThrow(SqliteError);
    expect(() => [...db.rows(1)]).toThrow(/^corrupt sqlite page 1: cell 0 at offset 65520 is past the 512-byte page$/);
  });
  it('an interior cell pointer past the page is "corrupt sqlite page 1"', () => {
    const db = new SqliteFile(sqlite(0x05, [510]));
    expect(() => [...db.rows(1)]).toThrow(/^corrupt sqlite page 1: cell 0 at offset 510 is past the 512-byte page$/);
  });
  it('a cell count larger than the page can hold is "corrupt sqlite page 1"', () => {
    const d = sqlite(0x0d, []);
    d.writeUInt16BE(0xffff, 103);
    expect(() => [...new SqliteFile(d).rows(1)]).toThrow(/^corrupt sqlite page 1: 65535 cell pointers do not fit in the 512-byte page$/);
  });
  it('a payload size beyond the file is refused before any allocation', () => {
    const d = sqlite(0x0d, [400]);
    // payload size varint 0xff…: 9 bytes, an enormous size; then rowid 1.
    Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]).copy(d, 400);
    expect(() => [...new SqliteFile(d).rows(1)]).toThrow(/^corrupt sqlite page 1: payload size \d+ exceeds the file$/);
  });
  it('an overflow page number past the page is "corrupt sqlite page 1"', () => {
    const d = sqlite(0x0d, [505]);
    // payload size 600 (> usable - 35, so it spills), rowid 1; the local part and overflow pointer run past 512.
    Buffer.from([0x84, 0x58, 0x01]).copy(d, 505);
    expect(() => [...new SqliteFile(d).rows(1)]).toThrow(/^corrupt sqlite page 1: (overflow page number|payload) /);
  });
  it('readDatabase turns the corrupt page into a problem text without RangeError', () => {
    const { infos, errors } = readDatabase(sqlite(0x0d, [0xfff0]));
    expect(infos).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^unreadable rpm database: corrupt sqlite page 1: /);
    expect(errors[0]).not.toMatch(/RangeError|out of range|ERR_/);
  });
});

import { describe, expect, it } from 'vitest';
import { createConsoleLogger } from './logger.js';
import { createProgressWriter, progressText, terminalWidth, wantsColor, wantsProgress } from './progress.js';

describe('wantsColor: FORCE_COLOR, then NO_COLOR, then the terminal', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    [tty, {}, true],
    [pipe, {}, false],
    [tty, { NO_COLOR: '1' }, false],
    [tty, { NO_COLOR: '' }, true], // no-color.org: present and not empty
    [pipe, { FORCE_COLOR: '1' }, true],
    [pipe, { FORCE_COLOR: '' }, true],
    [pipe, { FORCE_COLOR: 'true' }, true],
    [tty, { FORCE_COLOR: '0' }, false],
    [tty, { FORCE_COLOR: 'false' }, false],
    [pipe, { FORCE_COLOR: '3', NO_COLOR: '1' }, true], // as Node: a valid FORCE_COLOR wins over NO_COLOR
    [tty, { TERM: 'dumb' }, false],
  ] as const)('%o with %o: %s', (stream, env, want) => {
    expect(wantsColor(stream, env as NodeJS.ProcessEnv)).toBe(want);
  });

  it('progress: a terminal, not dumb, not quiet', () => {
    expect(wantsProgress(tty, {}, false)).toBe(true);
    expect(wantsProgress(tty, {}, true)).toBe(false);
    expect(wantsProgress(pipe, {}, false)).toBe(false);
    expect(wantsProgress(tty, { TERM: 'dumb' }, false)).toBe(false);
  });
});

describe('terminalWidth', () => {
  it('COLUMNS first, then the terminal, then 80', () => {
    expect(terminalWidth({ isTTY: true, columns: 132 }, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth({ isTTY: true, columns: 132 }, {})).toBe(132);
    expect(terminalWidth({ isTTY: false, columns: 132 }, {})).toBe(80);
    expect(terminalWidth({ isTTY: true, columns: 0 }, { COLUMNS: 'wide' })).toBe(80);
  });
});

describe('the progress line', () => {
  it('figures first, then the label', () => {
    expect(progressText({ task: 't', label: 'reading layers', done: 1, total: 4, unit: 'items' })).toBe('[#####...............]  1/4  reading layers');
    expect(progressText({ task: 't', label: 'downloading', done: 1536, total: 3 * 1024 * 1024, unit: 'bytes' })).toBe('[....................]  1.5 KiB of 3.0 MiB  downloading');
    expect(progressText({ task: 't', label: 'importing' })).toBe('importing');
  });

  it('redraws in place, at most every interval, always for a new label and the last step; erases for a log line', () => {
    const out: string[] = [];
    let clock = 0;
    const w = createProgressWriter({ write: (s: string) => out.push(s), columns: 60 }, { intervalMs: 100, now: () => clock });
    w.update({ task: 'd', label: 'dl', done: 1, total: 10 });
    w.update({ task: 'd', label: 'dl', done: 2, total: 10 }); // too soon: not drawn
    clock = 150;
    w.update({ task: 'd', label: 'dl', done: 3, total: 10 });
    w.update({ task: 'd', label: 'dl', done: 10, total: 10 }); // the last step: drawn
    w.around(() => out.push('a log line\n'));
    w.update({ task: 'd', label: '', end: true });
    expect(out).toEqual([
      '\r\u001b[2K[##..................]  10%  dl',
      '\r\u001b[2K[######..............]  30%  dl',
      '\r\u001b[2K[####################]  100%  dl',
      '\r\u001b[2K',
      'a log line\n',
      '\r\u001b[2K[####################]  100%  dl',
      '\r\u001b[2K',
    ]);
  });

  it('cuts a line wider than the terminal', () => {
    const out: string[] = [];
    createProgressWriter({ write: (s: string) => out.push(s), columns: 30 }).update({ task: 'x', label: 'y'.repeat(100) });
    expect(out[0]).toBe(`\r\u001b[2K${'y'.repeat(28)}…`);
  });

  it('the console logger draws only when asked, and removes URL credentials from labels', () => {
    const out: string[] = [];
    const stream = { write: (s: string) => out.push(s), columns: 200 };
    createConsoleLogger({ stream }).progress?.({ task: 'x', label: 'nothing' });
    expect(out).toEqual([]);
    const logger = createConsoleLogger({ stream, progress: true, quiet: true });
    logger.progress?.({ task: 'x', label: 'downloading https://u:secret@mirror.example/npm/all.zip' });
    logger.info('left out by --quiet');
    logger.warning('kept');
    expect(out.join('')).not.toContain('secret');
    expect(out.join('')).not.toContain('left out');
    expect(out).toContain('warning: kept\n');
  });
});

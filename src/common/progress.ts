/**
 * Progress on long work (a download, each layer read, the catalog), for a person at a terminal. Core code reports
 * through `Logger.progress` (optional: the Action's logger and the test loggers have none, and a missing one costs
 * nothing); only the CLI's console logger draws it, on stderr, and only when stderr is a terminal.
 */

/** One step of a task. A later event with the same `task` replaces the earlier one; `end` clears it. */
export interface ProgressEvent {
  /** Identifies the task (`layers`, `catalog`, `download:Debian`). */
  task: string;
  /** What is being done, for a person: `reading layer 2 of 5`. */
  label: string;
  done?: number;
  total?: number;
  /** How `done` and `total` read: bytes (`12.3 MiB of 40.0 MiB`) or items (`3/9`); a bare percentage otherwise. */
  unit?: 'bytes' | 'items';
  /** The task is over: its line goes away. */
  end?: boolean;
}

export type ProgressSink = (event: ProgressEvent) => void;

/** The stream a terminal feature looks at: stdout for the table, stderr for progress and log prefixes. */
export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
}

/**
 * Whether to write ANSI colour on `stream`. The conventions, in this order:
 * - `FORCE_COLOR` (https://force-color.org, Node's own rule): set to anything but `0` or `false` forces colour,
 *   even when piped and even over `NO_COLOR`, as Node does; `0` or `false` turns it off.
 * - `NO_COLOR` (https://no-color.org): present and not empty turns colour off.
 * - Otherwise colour on a terminal only, and not on `TERM=dumb`.
 */
export function wantsColor(stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Whether progress is drawn: stderr is a terminal (not `TERM=dumb`) and the user did not ask for quiet. */
export function wantsProgress(stream: TerminalStream, env: NodeJS.ProcessEnv, quiet: boolean): boolean {
  return !quiet && stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * The width a table may take on standard output: `COLUMNS` when it is a positive number (the user's or the shell's
 * word), else the terminal's own width when stdout is one, else 80.
 */
export function terminalWidth(stream: TerminalStream, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number(env.COLUMNS);
  if (env.COLUMNS && Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  return 80;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/**
 * The text of one event, without colour: `[#####...............]  3/12  reading layers of …`. The figures come
 * first, so that a narrow terminal cuts the label, not them.
 */
export function progressText(e: ProgressEvent): string {
  const parts: string[] = [];
  if (e.total !== undefined && e.total > 0 && e.done !== undefined) {
    const ratio = Math.min(1, Math.max(0, e.done / e.total));
    const filled = Math.round(ratio * 20);
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}]`);
    parts.push(e.unit === 'bytes' ? `${formatBytes(e.done)} of ${formatBytes(e.total)}` : e.unit === 'items' ? `${e.done}/${e.total}` : `${Math.round(ratio * 100)}%`);
  } else if (e.done !== undefined && e.unit === 'bytes') {
    parts.push(formatBytes(e.done));
  }
  parts.push(e.label);
  return parts.join('  ');
}

export interface ProgressWriter {
  /** Draws (or clears, on `end`) a task's line. */
  update: ProgressSink;
  /** Runs `write` (a log line) with the progress line out of the way, then draws it again. */
  around(write: () => void): void;
  /** Clears the line for good. */
  stop(): void;
}

/**
 * One status line at the bottom of a terminal, redrawn in place (`\r` and erase-line), at most every
 * `intervalMs` except for a task's first step, a new label and its last step. Only the newest live task is shown.
 */
export function createProgressWriter(stream: { write(s: string): unknown; columns?: number }, options: { color?: boolean; intervalMs?: number; now?: () => number } = {}): ProgressWriter {
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  const live = new Map<string, ProgressEvent>();
  let shown = false;
  let lastDraw = -Infinity;
  const clear = () => {
    if (shown) stream.write('\r\u001b[2K');
    shown = false;
  };
  const draw = () => {
    const current = [...live.values()].at(-1);
    if (!current) return clear();
    const width = Math.max(20, (stream.columns || 80) - 1);
    let text = progressText(current);
    if (text.length > width) text = `${text.slice(0, width - 1)}…`;
    stream.write(`\r\u001b[2K${options.color ? `\u001b[36m${text}\u001b[0m` : text}`);
    shown = true;
    lastDraw = now();
  };
  return {
    update(e) {
      if (e.end) {
        live.delete(e.task);
        if (live.size === 0) clear();
        else draw();
        return;
      }
      const before = live.get(e.task);
      const fresh = before === undefined || before.label !== e.label;
      live.delete(e.task);
      live.set(e.task, e);
      const last = e.total !== undefined && e.done !== undefined && e.done >= e.total;
      if (fresh || last || now() - lastDraw >= interval) draw();
    },
    around(write) {
      const was = shown;
      clear();
      write();
      if (was || live.size) draw();
    },
    stop() {
      live.clear();
      clear();
    },
  };
}

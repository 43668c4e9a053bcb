import { createProgressWriter, type ProgressEvent } from './progress.js';

/** The logging contract. Core code takes a Logger; only platforms decide where lines go. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /**
   * Progress on long work (see `common/progress.ts`). Optional: call it as `logger.progress?.(…)`; only the CLI's
   * console logger on a terminal draws anything.
   */
  progress?(event: ProgressEvent): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
};

/**
 * The user-info part of every URL in a text (`https://user:token@host/…` → `https://host/…`), removed, so that a
 * credential given in a URL never reaches a message, a log line or a spool file. Any scheme; only the part before
 * the host's `@` goes.
 */
export function redactSecrets(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]*@/gi, '$1');
}

export interface ConsoleLoggerOptions {
  debug?: boolean;
  /** Leave out info lines (warnings and errors still go). */
  quiet?: boolean;
  /** Draw progress on stderr (the caller decides: a terminal, and not --quiet; see `wantsProgress`). */
  progress?: boolean;
  /** Colour the progress line (see `wantsColor`). Log lines stay plain, so that a CI log can be searched. */
  color?: boolean;
  /** Where the lines go; process.stderr by default. */
  stream?: { write(s: string): unknown; columns?: number };
}

/** A logger that writes to stderr, so that stdout carries only the command's output. URL credentials are removed. */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger & { stopProgress(): void } {
  const stream = options.stream ?? process.stderr;
  const bar = options.progress ? createProgressWriter(stream, { color: Boolean(options.color) }) : undefined;
  const write = (prefix: string, message: string): void => {
    const line = `${prefix}${redactSecrets(message)}\n`;
    if (bar) bar.around(() => stream.write(line));
    else stream.write(line);
  };
  return {
    debug: (m) => {
      if (options.debug) write('debug: ', m);
    },
    info: (m) => {
      if (!options.quiet) write('', m);
    },
    warning: (m) => write('warning: ', m),
    error: (m) => write('error: ', m),
    ...(bar ? { progress: (e: ProgressEvent) => bar.update({ ...e, label: redactSecrets(e.label) }) } : {}),
    /** Clears the progress line for good, before a last line written around the logger (the CLI's error line). */
    stopProgress: () => bar?.stop(),
  };
}

/** Records every line, for tests. */
export function createRecordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const rec = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: rec('debug'), info: rec('info'), warning: rec('warning'), error: rec('error') };
}

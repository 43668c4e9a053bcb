/** The logging contract. Core code takes a Logger; only platforms decide where lines go. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
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

/** A logger that writes to stderr, so that stdout carries only the command's output. URL credentials are removed. */
export function createConsoleLogger(options: { debug?: boolean } = {}): Logger {
  const write = (prefix: string, message: string): void => {
    process.stderr.write(`${prefix}${redactSecrets(message)}\n`);
  };
  return {
    debug: (m) => {
      if (options.debug) write('debug: ', m);
    },
    info: (m) => write('', m),
    warning: (m) => write('warning: ', m),
    error: (m) => write('error: ', m),
  };
}

/** Records every line, for tests. */
export function createRecordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const rec = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: rec('debug'), info: rec('info'), warning: rec('warning'), error: rec('error') };
}

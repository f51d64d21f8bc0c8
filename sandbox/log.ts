// Logging for sandbox processes: one line per message on stderr, because stdout carries only the READY line.

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger whose lines name the process (e.g. the instance id), so interleaved logs of N instances stay readable. */
export function createLogger(tag: string): Logger {
  const write = (level: string, message: string): void => {
    process.stderr.write(`${new Date().toISOString()} ${tag} ${level} ${message}\n`);
  };
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
  };
}

/** The message of anything thrown, on one line. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const withCode = typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
  return withCode.replace(/\s+/g, ' ').trim();
}

/** A minimal logger on stderr; secrets never reach it (they never leave the secret store). */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export function createLogger(scope: string, quiet = false): Logger {
  const write = (level: string, message: string, detail?: unknown) => {
    if (quiet && level === 'info') return;
    const suffix =
      detail === undefined
        ? ''
        : ` ${detail instanceof Error ? detail.message : JSON.stringify(detail)}`;
    process.stderr.write(`[${scope}] ${level}: ${message}${suffix}\n`);
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

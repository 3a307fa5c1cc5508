/**
 * One prefix for every console line the app writes, so a tester can filter the TV's remote
 * console by `[tv-app`. Callers pass plain facts, never secrets: tokens, passwords and magic
 * links must not reach this function at all (see CONTRACT.md §1).
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export function createLogger(scope: string): Logger {
  const prefix = `[tv-app:${scope}]`;
  return {
    info: (message, ...details) => console.info(prefix, message, ...details),
    warn: (message, ...details) => console.warn(prefix, message, ...details),
    error: (message, ...details) => console.error(prefix, message, ...details),
  };
}

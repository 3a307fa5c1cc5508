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

/**
 * What went wrong, for the parenthesis of a fallback's log line: an Error's message, never a
 * stack. Anything else thrown is not turned into text: that can throw too, or echo a secret.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}

/** Console logging that tests can silence; errors are always printed, because a
 * swallowed server error would hide a real bug from whoever runs the tests. */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(quiet = false): Logger {
  return {
    info(message) {
      if (!quiet) console.log(`[reference-api] ${message}`);
    },
    error(message, error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : error;
      console.error(`[reference-api] ${message}`, ...(detail === undefined ? [] : [detail]));
    },
  };
}

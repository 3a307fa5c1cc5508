import type { Endpoint } from './faults.js';

export interface LoggedRequest {
  time: string;
  endpoint: Endpoint;
  method: string;
  /** The path, with a magic link reduced to its last four characters. */
  path: string;
  /** null when the connection was dropped without an answer. */
  status: number | null;
  /** True when an injected fault shaped the answer. */
  fault: boolean;
  /** `Bearer …abcd`, or null when the header was absent. */
  authorization: string | null;
  /** The parsed body with secrets redacted (see redact.ts). */
  body: unknown;
}

/** The last requests to the API endpoints, so end-to-end tests can assert what the app sent,
 * plus per-endpoint totals since the last reset. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private totals: Partial<Record<Endpoint, number>> = {};

  constructor(private readonly limit = 500) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.totals[entry.endpoint] = (this.totals[entry.endpoint] ?? 0) + 1;
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  counts(): Partial<Record<Endpoint, number>> {
    return { ...this.totals };
  }

  clear(): void {
    this.entries = [];
    this.totals = {};
  }
}

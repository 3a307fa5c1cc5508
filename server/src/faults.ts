import { fieldProblem, isFiniteNumber, isNonEmptyString, isObject, type FieldRule } from './guards.js';
import { jsonReply, statusText, type Reply } from './http/reply.js';
import { DEFAULT_BAN_MESSAGE } from './state/model.js';

/** The endpoints a tester can break, named as in the admin API (`/admin/api/faults/<name>`). */
export const ENDPOINTS = ['configs', 'add', 'check', 'register', 'approve', 'ping'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export function isEndpoint(value: string): value is Endpoint {
  return (ENDPOINTS as readonly string[]).includes(value);
}

export type FaultBody = 'json' | 'html' | 'truncated' | 'empty';
const FAULT_BODIES: readonly FaultBody[] = ['json', 'html', 'truncated', 'empty'];

export interface Fault {
  status?: number;
  delayMs?: number;
  body?: FaultBody;
  drop?: boolean;
  retryAfter?: string;
  errorCode?: string;
  /** Requests left before the fault clears itself; absent = until cleared. */
  times?: number;
}

/** Builds an endpoint's own error body, so a faked JSON error looks like that backend's. */
export type ErrorBodyFactory = (status: number, message: string, code?: string) => unknown;

const FAULT_RULES: Readonly<Record<keyof Fault, FieldRule>> = {
  status: [(v) => Number.isInteger(v) && (v as number) >= 200 && (v as number) <= 599, 'an integer from 200 to 599'],
  delayMs: [(v) => isFiniteNumber(v) && v >= 0 && v <= 120_000, 'a number of milliseconds from 0 to 120000'],
  body: [(v) => FAULT_BODIES.includes(v as FaultBody), `one of ${FAULT_BODIES.join(', ')}`],
  drop: [(v) => typeof v === 'boolean', 'true or false'],
  // Verbatim, so it may be nonsense the app must survive, but a header carries only printable
  // ASCII: anything else would make Node refuse to write every answer it is put on.
  retryAfter: [(v) => isNonEmptyString(v) && v.length <= 100 && /^[\x20-\x7e]+$/.test(v), 'seconds or an HTTP date: printable ASCII text, at most 100 characters'],
  errorCode: [isNonEmptyString, 'a non-empty string'],
  times: [(v) => Number.isInteger(v) && (v as number) >= 1, 'a positive integer'],
};

/** A fault from the admin API, or the reason it is not one. */
export function parseFault(value: unknown): Fault | string {
  if (!isObject(value)) return 'a fault must be a JSON object';
  const problem = fieldProblem(value, FAULT_RULES, 'fault field');
  if (problem) return problem;
  if (Object.keys(value).every((field) => field === 'times')) return 'a fault must set at least one of status, delayMs, body, drop, retryAfter, errorCode';
  return value as Fault;
}

export class FaultTable {
  private readonly faults = new Map<Endpoint, Fault>();

  set(endpoint: Endpoint, fault: Fault): void {
    this.faults.set(endpoint, { ...fault });
  }

  clear(endpoint?: Endpoint): void {
    if (endpoint) this.faults.delete(endpoint);
    else this.faults.clear();
  }

  list(): Partial<Record<Endpoint, Fault>> {
    return Object.fromEntries(this.faults);
  }

  /** The fault for this request, counting it against `times`. */
  take(endpoint: Endpoint): Fault | undefined {
    const fault = this.faults.get(endpoint);
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.delete(endpoint);
    }
    return { ...fault };
  }
}

/** Seed 001's messages, so a faked `device_banned` reads like a real one. */
const SEED_MESSAGES: Readonly<Record<string, string>> = {
  device_banned: DEFAULT_BAN_MESSAGE,
  device_not_found: 'Device not found',
};

/** The faked answer, or undefined when the fault only delays or adds a header to the real
 * one. A fault replaces the answer when it sets `status`, `body` or `errorCode`; the status
 * then defaults to 400 with an `errorCode` (like the seeds' errors), else 500. */
export function faultReply(fault: Fault, errorBody: ErrorBodyFactory): Reply | undefined {
  if (fault.status === undefined && fault.body === undefined && fault.errorCode === undefined) return undefined;
  const status = fault.status ?? (fault.errorCode ? 400 : 500);
  const text = statusText(status);
  const message = (fault.errorCode && SEED_MESSAGES[fault.errorCode]) || text;
  switch (fault.body ?? 'json') {
    case 'json':
      return jsonReply(status, errorBody(status, message, fault.errorCode));
    case 'html':
      return {
        status,
        contentType: 'text/html; charset=utf-8',
        body: `<!DOCTYPE html>\n<html><head><title>${status} ${text}</title></head><body><h1>${status} ${text}</h1><hr><p>nginx</p></body></html>\n`,
      };
    case 'truncated': {
      const json = JSON.stringify(errorBody(status, message, fault.errorCode));
      return { status, contentType: 'application/json; charset=utf-8', body: json.slice(0, Math.ceil(json.length / 2)) };
    }
    case 'empty':
      return { status };
  }
}

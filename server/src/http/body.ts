import type { IncomingMessage } from 'node:http';
import { isObject, type JsonObject } from '../guards.js';

export const BODY_LIMIT = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body larger than ${BODY_LIMIT} bytes`);
  }
}

export class ClientGoneError extends Error {}

export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string> }
  | { kind: 'invalid'; text: string };

/** Reads the whole body, but gives up (without buffering the rest) as soon as it is over
 * the limit, so a huge upload cannot exhaust memory. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > limit) {
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      req.pause();
      reject(new BodyTooLargeError());
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onGone = () => {
      stop();
      reject(new ClientGoneError('client closed the connection before sending the body'));
    };
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}

/** Deeper than any body a client has reason to send; every reader after the parse (redaction,
 * the request log, the state file) walks a body by recursion, so a deeper one is refused here. */
export const MAX_JSON_DEPTH = 32;

/** How deeply arrays and objects nest in a parsed value, counted without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** JSON is recognised by its content, whatever the content type says: a page avoiding a
 * CORS preflight may send JSON as `text/plain`, and `curl -d '{…}'` labels it as a form.
 * Other bodies labelled as forms are forms; anything else, JSON nested deeper than
 * `MAX_JSON_DEPTH` included, is invalid. */
export function parseBody(raw: Buffer, contentType = ''): Body {
  const text = raw.toString('utf8');
  if (text.trim() === '') return { kind: 'none' };
  try {
    const value = JSON.parse(text) as unknown;
    return jsonDepth(value) > MAX_JSON_DEPTH ? { kind: 'invalid', text } : { kind: 'json', value };
  } catch {
    if (/application\/x-www-form-urlencoded/i.test(contentType)) {
      return { kind: 'form', value: Object.fromEntries(new URLSearchParams(text)) };
    }
    return { kind: 'invalid', text };
  }
}

/** The body as named fields (JSON object or form), `{}` when empty, undefined when it is
 * neither (broken JSON, a JSON array…). */
export function bodyFields(body: Body): JsonObject | undefined {
  switch (body.kind) {
    case 'none':
      return {};
    case 'form':
      return body.value;
    case 'json':
      return isObject(body.value) ? body.value : undefined;
    case 'invalid':
      return undefined;
  }
}

/** What the request log shows: the parsed value. Unparseable text is summarised, not
 * shown, because it could hold a password that redaction cannot find in it. */
export function bodyForLog(body: Body): unknown {
  switch (body.kind) {
    case 'none':
      return null;
    case 'invalid':
      return `<unparseable body, ${Buffer.byteLength(body.text)} bytes>`;
    default:
      return body.value;
  }
}

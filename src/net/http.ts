/** What came back from a JSON API call; failures are values, never exceptions. */
export type HttpResult =
  | {
      kind: 'response';
      status: number;
      headers: Headers;
      /** The parsed body, or undefined when it was empty, not JSON or cut short. */
      body: unknown;
    }
  | { kind: 'failure'; reason: 'network' | 'timeout' };

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** `no-cors` where only the fact of an answer matters: it arrives opaque (status 0, no body). */
  mode?: 'cors' | 'no-cors';
}

/** The fetch signature the app needs; tests and the soak pass their own. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * One request with a hard timeout. AbortController and setTimeout, not AbortSignal.timeout:
 * TV engines before Chromium 103 lack it. The body is read inside the same timeout, since a
 * server can send headers and then stall.
 */
export async function requestJson(url: string, request: HttpRequest, fetchFn: FetchLike = (input, init) => fetch(input, init)): Promise<HttpResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  try {
    const response = await fetchFn(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      mode: request.mode,
      cache: 'no-store',
      credentials: 'omit',
      // A token must reach only the configured URL: engines before Chromium 119 (every TV here)
      // pass Authorization on to whatever origin a redirect names.
      redirect: request.headers?.Authorization ? 'error' : 'follow',
      signal: controller.signal,
    });
    const text = request.method === 'HEAD' ? '' : await response.text();
    return { kind: 'response', status: response.status, headers: response.headers, body: text ? parseJson(text) : undefined };
  } catch {
    return { kind: 'failure', reason: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** The browser's own reading of a URL (against `base` when relative), or undefined where it cannot read it. */
export function parseUrl(url: string, base?: string | URL): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** Resolves a configured URL or path against a base (the API base or the app's own location). */
export function resolveUrl(pathOrUrl: string, base: string): string {
  return parseUrl(pathOrUrl, base)?.toString() ?? pathOrUrl;
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTextWithXhr } from './read-text';

/** What the stubbed request does once sent: answer with a status and body, fail, or time out. */
type Outcome = { status: number; body: string } | 'error' | 'timeout' | 'never';

/** The XMLHttpRequest the last read made, to check how it was asked. */
let lastRequest: FakeXhr | undefined;

class FakeXhr {
  static outcome: Outcome = 'never';
  method = '';
  url = '';
  timeout = 0;
  status = 0;
  responseText = '';
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;

  constructor() {
    lastRequest = this;
  }

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  send(): void {
    const outcome = FakeXhr.outcome;
    if (outcome === 'never') return;
    if (outcome === 'error') this.onerror?.();
    else if (outcome === 'timeout') this.ontimeout?.();
    else {
      this.status = outcome.status;
      this.responseText = outcome.body;
      this.onload?.();
    }
  }
}

function answering(outcome: Outcome): void {
  FakeXhr.outcome = outcome;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
}

describe('readTextWithXhr', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    lastRequest = undefined;
  });

  it('GETs the file and gives its text on a 2xx answer', async () => {
    answering({ status: 200, body: '{"appName":"x"}' });
    await expect(readTextWithXhr('config.json')).resolves.toBe('{"appName":"x"}');
    expect(lastRequest).toMatchObject({ method: 'GET', url: 'config.json' });
    answering({ status: 204, body: '' });
    await expect(readTextWithXhr('config.json')).resolves.toBe('');
  });

  it('gives up after a few seconds, so a file that never answers cannot hold start-up for ever', async () => {
    answering('never');
    void readTextWithXhr('config.json');
    expect(lastRequest!.timeout).toBeGreaterThan(0);
    expect(lastRequest!.timeout).toBeLessThanOrEqual(10_000);
    answering('timeout');
    await expect(readTextWithXhr('config.json')).rejects.toThrow('timed out');
  });

  it('rejects a non-2xx answer with its status, not its body', async () => {
    for (const status of [304, 404, 500, 503]) {
      answering({ status, body: '<html>S3CR3T error page</html>' });
      const failure = readTextWithXhr('config.json');
      await expect(failure).rejects.toThrow(`HTTP ${status}`);
      await expect(failure).rejects.not.toThrow('S3CR3T');
    }
  });

  it('takes status 0 with a body as a file:// answer, and status 0 without one as a failure', async () => {
    answering({ status: 0, body: '{"pingUrl":"/ping"}' });
    await expect(readTextWithXhr('config.json')).resolves.toBe('{"pingUrl":"/ping"}');
    answering({ status: 0, body: '' });
    await expect(readTextWithXhr('config.json')).rejects.toThrow('HTTP 0');
  });

  it('rejects on a network error', async () => {
    answering('error');
    await expect(readTextWithXhr('config.json')).rejects.toThrow('network error');
  });
});

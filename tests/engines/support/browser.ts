import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CdpSession } from './cdp.ts';

/** How long a browser may take to open its DevTools port; old builds unpack fonts on first start. */
const LAUNCH_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 200;

/**
 * `--headless` with a DevTools port works from Chromium 59 to today. The rest keeps the
 * browsers quiet on this closed network, and lets file:// pages read their own files as a
 * packaged TV app can (config.json by XHR).
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--remote-debugging-address=127.0.0.1',
  '--remote-debugging-port=0',
  '--window-size=1920,1080',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--mute-audio',
  '--allow-file-access-from-files',
];

interface RemoteObjectResult {
  result: { value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

interface ConsoleApiCalled {
  type: string;
  args: { value?: unknown; description?: string }[];
}

interface ExceptionThrown {
  exceptionDetails: { text: string; exception?: { description?: string } };
}

/** One headless browser with one page, driven over CDP. */
export class BrowserPage {
  /** Uncaught errors and unhandled rejections since the last navigation. */
  readonly pageErrors: string[] = [];
  /** Console output since the last navigation, as `level: text`, for failure reports. */
  readonly consoleMessages: string[] = [];

  private constructor(
    private readonly process: ChildProcess,
    private readonly profileDir: string,
    readonly cdp: CdpSession,
    /** What the browser reports, e.g. `HeadlessChrome/68.0.3419.0`. */
    readonly product: string,
  ) {
    cdp.on<ExceptionThrown>('Runtime.exceptionThrown', ({ exceptionDetails }) =>
      this.pageErrors.push(exceptionDetails.exception?.description ?? exceptionDetails.text),
    );
    cdp.on<ConsoleApiCalled>('Runtime.consoleAPICalled', ({ type, args }) =>
      this.consoleMessages.push(`${type}: ${args.map((arg) => (arg.value === undefined ? (arg.description ?? '') : String(arg.value))).join(' ')}`),
    );
  }

  static async launch(executable: string): Promise<BrowserPage> {
    const profileDir = mkdtempSync(join(tmpdir(), 'tv-engine-'));
    // Its own process group, so closing it also ends the renderer and GPU helpers it started.
    const child = spawn(executable, [...FLAGS, `--user-data-dir=${profileDir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    try {
      const browserUrl = await devToolsUrl(child);
      const cdp = await CdpSession.connect(await pageTargetUrl(new URL(browserUrl).port));
      const { product } = await cdp.send<{ product: string }>('Browser.getVersion');
      await cdp.send('Runtime.enable');
      await cdp.send('Page.enable');
      return new BrowserPage(child, profileDir, cdp, product);
    } catch (error) {
      killGroup(child, 'SIGKILL');
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      throw error;
    }
  }

  /** Loads `url` and waits for its load event. */
  async goto(url: string): Promise<void> {
    this.pageErrors.length = 0;
    this.consoleMessages.length = 0;
    const loaded = new Promise<void>((resolve) => {
      const off = this.cdp.on('Page.loadEventFired', () => {
        off();
        resolve();
      });
    });
    const { errorText } = await this.cdp.send<{ errorText?: string }>('Page.navigate', { url });
    if (errorText) throw new Error(`navigating to ${url}: ${errorText}`);
    await loaded;
  }

  /**
   * Runs `probe(arg)` in the page and returns its (awaited) result. The probe's source is sent
   * as written, so it must be ES2017 a Chromium 68 parses: no `?.`, `??` or class fields.
   */
  async evaluate<A, R>(probe: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const { result, exceptionDetails } = await this.cdp.send<RemoteObjectResult>('Runtime.evaluate', {
      expression: `(${probe.toString()})(${JSON.stringify(arg)})`,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`probe failed in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  }

  /** Polls `probe(arg)` until it returns true; fails naming `what` after `timeoutMs`. */
  async waitFor<A>(what: string, probe: (arg: A) => boolean | Promise<boolean>, arg: A, timeoutMs = 20_000): Promise<void> {
    await waitUntil(what, () => this.evaluate(probe, arg), timeoutMs);
  }

  /**
   * Presses a key through the engine's input pipeline, as a remote delivers it: `keyCode` is
   * the legacy code the TV sends (39 Right, 404 green, 27 Escape…), `key` its DOM name if any.
   */
  async press(keyCode: number, key = 'Unidentified'): Promise<void> {
    for (const type of ['rawKeyDown', 'keyUp']) {
      await this.cdp.send('Input.dispatchKeyEvent', { type, key, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode });
    }
  }

  async screenshot(): Promise<Buffer> {
    const { data } = await this.cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data, 'base64');
  }

  async close(): Promise<void> {
    this.cdp.close();
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    killGroup(this.process, 'SIGTERM');
    const killer = setTimeout(() => killGroup(this.process, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
    // Helpers that outlived the browser would keep writing into the profile being removed.
    killGroup(this.process, 'SIGKILL');
    rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

/** Signals the browser's process group (it was spawned detached); a group already gone is fine. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Polls `check` until it resolves true; fails naming `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** The first page's DevTools socket; the browser may open its port before its first tab. */
async function pageTargetUrl(port: string): Promise<string> {
  let url: string | undefined;
  await waitUntil('the browser to open a page', async () => {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; webSocketDebuggerUrl?: string }[];
    url = targets.find((target) => target.type === 'page')?.webSocketDebuggerUrl;
    return url !== undefined;
  }, LAUNCH_TIMEOUT_MS);
  return url!;
}

/** Old and new builds print `DevTools listening on ws://…` on stderr once the port is open. */
function devToolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let found = false;
    const timer = setTimeout(() => reject(new Error(`no DevTools port after ${LAUNCH_TIMEOUT_MS} ms:\n${output.slice(-2000)}`)), LAUNCH_TIMEOUT_MS);
    // Keep reading stderr for the browser's whole life: a full pipe would block it.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (found) return;
      output += String(chunk);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        found = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser exited (${code}) before opening DevTools:\n${output.slice(-2000)}`));
    });
  });
}

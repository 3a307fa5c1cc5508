import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { firstStageFiles, withFirstStageTags, wrapChunk } from './classic-chunks';

const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false) => ({ fileName, code, imports, isEntry });

const ASSETS = 'file:///opt/app/assets/';

interface PageOptions {
  /** The entry's URL; `currentScript: false` makes the engine give no `document.currentScript`. */
  entryUrl?: string;
  currentScript?: boolean;
  /** Chunks with their own deferred tag in index.html, after the entry's: run by `finishParsing()`. */
  listed?: string[];
}

/**
 * A page with just enough DOM for the runtime: every <script> appended is "fetched" from `files`
 * on the next tick and runs, then fires `load` (as a browser does even when the script throws),
 * or fires `error` when the file is missing (as a 404 would).
 */
function fakePage(files: Record<string, string>, { entryUrl = `${ASSETS}app-1.js`, currentScript = true, listed = [] }: PageOptions = {}) {
  const appended: string[] = [];
  const errors: string[] = [];
  const thrown: string[] = [];
  let inFlight = 0;
  const context: Record<string, unknown> = { console: { error: (message: string) => errors.push(message) }, Promise, Error };
  const listedTags = listed.map((name) => ({ src: `${ASSETS}${name}`, onload: null as null | (() => void), onerror: null as null | (() => void) }));
  let parsed = () => {};
  const document = {
    currentScript: currentScript ? { src: entryUrl } : null,
    getElementsByTagName: () => [{ src: '' }, { src: entryUrl }, ...listedTags],
    addEventListener: (type: string, listener: () => void) => type === 'DOMContentLoaded' && (parsed = listener),
    createElement: () => ({ src: '', onload: null as null | (() => void), onerror: null as null | (() => void), parentNode: null }),
    head: {
      appendChild(tag: { src: string; onload: (() => void) | null; onerror: () => void }) {
        appended.push(tag.src);
        inFlight += 1;
        const source = tag.src.startsWith(ASSETS) ? files[tag.src.slice(ASSETS.length)] : undefined;
        setTimeout(() => {
          inFlight -= 1;
          if (source === undefined) return tag.onerror();
          try {
            runInNewContext(source, context);
          } catch (error) {
            thrown.push((error as Error).name);
          }
          tag.onload?.();
        });
      },
    },
  };
  context.window = context;
  context.document = document;
  /** Resolves once no script is on its way and the promise chains after the last one have run. */
  const idle = async () => {
    do await new Promise((resolve) => setTimeout(resolve));
    while (inFlight > 0);
  };
  /** The deferred tags after the entry's run in order, each firing load or error, then DOMContentLoaded. */
  const finishParsing = async () => {
    for (const tag of listedTags) {
      await new Promise((resolve) => setTimeout(resolve));
      const source = files[tag.src.slice(ASSETS.length)];
      if (source === undefined) tag.onerror?.();
      else {
        runInNewContext(source, context);
        tag.onload?.();
      }
    }
    parsed();
  };
  return { context, appended, errors, thrown, idle, finishParsing, run: (source: string) => runInNewContext(source, context) };
}

/** An entry whose `window.load()` imports `later-2.js` and answers its `v`, or the error's message. */
const lazyEntry = () =>
  wrapChunk(chunk('assets/app-1.js', 'window.load=()=>Promise.resolve().then(()=>require("./later-2.js")).then(m=>m.v,e=>`failed: ${e.message}`);', [], true));

describe('classic chunks', () => {
  it('starts the entry, fetches a dynamic import beside it, and shares exports both ways', async () => {
    const entry = wrapChunk(chunk('assets/app-1.js', 'exports.name=`tv`;Promise.resolve().then(()=>require("./start-2.js")).then(m=>{window.started=m.greet()});', [], true));
    const start = wrapChunk(chunk('assets/start-2.js', 'const e=require("./app-1.js");exports.greet=()=>`hello `+e.name;', ['assets/app-1.js']));
    const page = fakePage({ 'start-2.js': start });
    page.run(entry);
    await page.idle();
    expect(page.context.started).toBe('hello tv');
    expect(page.appended).toEqual(['file:///opt/app/assets/start-2.js']);
  });

  it('fetches the chunks a lazy chunk needs before running it, once each', async () => {
    const entry = wrapChunk(
      chunk('assets/app-1.js', 'Promise.all([Promise.resolve().then(()=>require("./a-2.js")),Promise.resolve().then(()=>require("./b-3.js"))]).then(([a,b])=>{window.sum=a.v+b.v});', [], true),
    );
    const shared = wrapChunk(chunk('assets/shared-4.js', 'exports.base=40;'));
    const a = wrapChunk(chunk('assets/a-2.js', 'exports.v=require("./shared-4.js").base+1;', ['assets/shared-4.js']));
    const b = wrapChunk(chunk('assets/b-3.js', 'exports.v=require("./shared-4.js").base+2;', ['assets/shared-4.js']));
    const page = fakePage({ 'a-2.js': a, 'b-3.js': b, 'shared-4.js': shared });
    page.run(entry);
    await page.idle();
    expect(page.context.sum).toBe(83);
    expect(page.appended.filter((src) => src.endsWith('shared-4.js'))).toHaveLength(1);
  });

  it('rejects a chunk that failed to load, and fetches it again when asked again', async () => {
    const files: Record<string, string> = {};
    const page = fakePage(files);
    page.run(lazyEntry());
    await page.idle();
    const load = page.context.load as () => Promise<unknown>;
    await expect(load()).resolves.toBe('failed: script later-2.js failed to load');
    files['later-2.js'] = wrapChunk(chunk('assets/later-2.js', 'exports.v=2;'));
    await expect(load()).resolves.toBe(2);
  });

  it('rejects a chunk cut off half-way (it loads but never registers) instead of waiting forever, and retries it', async () => {
    const later = wrapChunk(chunk('assets/later-2.js', 'exports.v=2;'));
    const files: Record<string, string> = { 'later-2.js': later.slice(0, later.length >> 1) };
    const page = fakePage(files);
    page.run(lazyEntry());
    await page.idle();
    const load = page.context.load as () => Promise<unknown>;
    await expect(load()).resolves.toBe('failed: script later-2.js loaded but did not run (a script error?)');
    expect(page.thrown).toEqual(['SyntaxError']);
    files['later-2.js'] = later;
    await expect(load()).resolves.toBe(2);
  });

  it('retries a chunk whose needed chunk failed to load, fetching only what is missing', async () => {
    const files: Record<string, string> = { 'later-2.js': wrapChunk(chunk('assets/later-2.js', 'exports.v=require("./shared-3.js").v;', ['assets/shared-3.js'])) };
    const page = fakePage(files);
    page.run(lazyEntry());
    await page.idle();
    const load = page.context.load as () => Promise<unknown>;
    await expect(load()).resolves.toBe('failed: script shared-3.js failed to load');
    files['shared-3.js'] = wrapChunk(chunk('assets/shared-3.js', 'exports.v=3;'));
    await expect(load()).resolves.toBe(3);
    expect(page.appended.map((src) => src.slice(ASSETS.length))).toEqual(['later-2.js', 'shared-3.js', 'shared-3.js']);
  });

  it('hands out a chunk that threw while running never half-made: asking again fails again', async () => {
    const files = { 'later-2.js': wrapChunk(chunk('assets/later-2.js', 'exports.v=1;if(!window.ready)throw new Error(`not ready`);exports.v=2;')) };
    const page = fakePage(files);
    page.run(lazyEntry());
    await page.idle();
    const load = page.context.load as () => Promise<unknown>;
    await expect(load()).resolves.toBe('failed: not ready');
    await expect(load()).resolves.toBe('failed: not ready');
    page.context.ready = true;
    await expect(load()).resolves.toBe(2);
  });

  it('loads chunks that need each other, each once, and runs a chunk registered twice once', async () => {
    const a = wrapChunk(chunk('assets/a-2.js', 'window.runs=(window.runs||0)+1;exports.v=()=>require("./b-3.js").w;', ['assets/b-3.js']));
    const b = wrapChunk(chunk('assets/b-3.js', 'exports.w=`b`;exports.a=()=>require("./a-2.js");', ['assets/a-2.js']));
    const entry = wrapChunk(chunk('assets/app-1.js', 'Promise.resolve().then(()=>require("./a-2.js")).then(m=>{window.got=m.v()});', [], true));
    const page = fakePage({ 'a-2.js': a + a, 'b-3.js': b });
    page.run(entry);
    await page.idle();
    expect(page.context.got).toBe('b');
    expect(page.context.runs).toBe(1);
    expect(page.appended.map((src) => src.slice(ASSETS.length))).toEqual(['a-2.js', 'b-3.js']);
  });

  it('fetches chunks beside the entry when the engine gives no currentScript, or the entry URL has a query', async () => {
    for (const options of [{ currentScript: false }, { entryUrl: `${ASSETS}app-1.js?from=a/b#c/d` }, { currentScript: false, entryUrl: `${ASSETS}app-1.js?v=2/3` }]) {
      const page = fakePage({ 'later-2.js': wrapChunk(chunk('assets/later-2.js', 'exports.v=2;')) }, options);
      page.run(lazyEntry());
      await page.idle();
      await expect((page.context.load as () => Promise<unknown>)()).resolves.toBe(2);
      expect(page.appended).toEqual([`${ASSETS}later-2.js`]);
    }
  });

  it('waits for a chunk listed in index.html instead of fetching it again', async () => {
    const entry = wrapChunk(chunk('assets/app-1.js', 'Promise.resolve().then(()=>require("./start-2.js")).then(m=>{window.started=m.v});', [], true));
    const page = fakePage({ 'start-2.js': wrapChunk(chunk('assets/start-2.js', 'exports.v=`started`;')) }, { listed: ['start-2.js'] });
    page.run(entry);
    await page.idle();
    expect(page.context.started).toBeUndefined();
    await page.finishParsing();
    await page.idle();
    expect(page.context.started).toBe('started');
    expect(page.appended).toEqual([]);
  });

  it('reports a listed chunk that failed, and fetches it afresh when asked after the page is parsed', async () => {
    const files: Record<string, string> = {};
    const page = fakePage(files, { listed: ['later-2.js'] });
    page.run(lazyEntry());
    await page.idle();
    const load = page.context.load as () => Promise<unknown>;
    const first = load();
    await page.finishParsing();
    await expect(first).resolves.toBe('failed: script later-2.js failed to load');
    files['later-2.js'] = wrapChunk(chunk('assets/later-2.js', 'exports.v=2;'));
    await expect(load()).resolves.toBe(2);
    expect(page.appended).toEqual([`${ASSETS}later-2.js`]);
  });

  it('lists the first stage (what the entry imports dynamically, and what that needs) as deferred tags after the entry', () => {
    const bundle = {
      'assets/start-2.js': { type: 'chunk', imports: ['assets/app-1.js', 'assets/shared-3.js'], dynamicImports: ['assets/later-4.js'] },
      'assets/shared-3.js': { type: 'chunk', imports: [], dynamicImports: [] },
      'assets/later-4.js': { type: 'chunk', imports: ['assets/shared-3.js'], dynamicImports: [] },
    };
    const files = firstStageFiles({ fileName: 'assets/app-1.js', imports: [], dynamicImports: ['assets/start-2.js'] }, bundle);
    expect(files).toEqual(['assets/start-2.js', 'assets/shared-3.js']);
    const html = '<head>\n    <script defer src="./assets/app-1.js"></script>\n  </head>';
    expect(withFirstStageTags(html, 'assets/app-1.js', files)).toBe(
      '<head>\n    <script defer src="./assets/app-1.js"></script>\n    <script defer src="./assets/start-2.js"></script>\n    <script defer src="./assets/shared-3.js"></script>\n  </head>',
    );
    expect(() => withFirstStageTags('<head></head>', 'assets/app-1.js', files)).toThrow(/no deferred tag for assets\/app-1\.js/);
  });

  it('logs, rather than throws into the void, when the entry cannot start', async () => {
    const entry = wrapChunk(chunk('assets/app-1.js', 'exports.x=require("./gone-2.js").x;', ['assets/gone-2.js'], true));
    const page = fakePage({});
    page.run(entry);
    await page.idle();
    expect(page.errors).toEqual(['[tv-app:boot] the app could not start: script gone-2.js failed to load']);
  });

  it('refuses to build a chunk with a require the loader cannot serve', () => {
    expect(() => wrapChunk(chunk('assets/app-1.js', 'const fs=require("fs");', [], true))).toThrow(/app-1\.js: a require\(\) the chunk loader cannot serve/);
    expect(() => wrapChunk(chunk('assets/a-1.js', 'require("./b-2.js");', []))).toThrow(/b-2\.js/);
  });
});

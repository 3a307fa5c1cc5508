import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { wrapChunk } from './classic-chunks';

const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false) => ({ fileName, code, imports, isEntry });

/**
 * A page with just enough DOM for the runtime: every <script> appended is "fetched" from
 * `files` on the next tick, or fails when the file is missing (as a 404 would).
 */
function fakePage(files: Record<string, string>) {
  const appended: string[] = [];
  const errors: string[] = [];
  const context: Record<string, unknown> = { console: { error: (message: string) => errors.push(message) }, Promise, Error };
  const document = {
    currentScript: { src: 'file:///opt/app/assets/app-1.js' },
    createElement: () => ({ src: '', onerror: null as null | (() => void), parentNode: null }),
    head: {
      appendChild(tag: { src: string; onerror: () => void }) {
        appended.push(tag.src);
        const source = files[tag.src.replace('file:///opt/app/assets/', '')];
        setTimeout(() => (source === undefined ? tag.onerror() : runInNewContext(source, context)));
      },
    },
  };
  context.window = context;
  context.document = document;
  return { context, appended, errors, run: (source: string) => runInNewContext(source, context) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('classic chunks', () => {
  it('starts the entry, fetches a dynamic import beside it, and shares exports both ways', async () => {
    const entry = wrapChunk(chunk('assets/app-1.js', 'exports.name=`tv`;Promise.resolve().then(()=>require("./start-2.js")).then(m=>{window.started=m.greet()});', [], true));
    const start = wrapChunk(chunk('assets/start-2.js', 'const e=require("./app-1.js");exports.greet=()=>`hello `+e.name;', ['assets/app-1.js']));
    const page = fakePage({ 'start-2.js': start });
    page.run(entry);
    await settle();
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
    await settle();
    expect(page.context.sum).toBe(83);
    expect(page.appended.filter((src) => src.endsWith('shared-4.js'))).toHaveLength(1);
  });

  it('rejects a chunk that failed to load, and fetches it again when asked again', async () => {
    const entry = wrapChunk(
      chunk('assets/app-1.js', 'window.load=()=>Promise.resolve().then(()=>require("./later-2.js")).then(m=>m.v,e=>`failed: ${e.message}`);', [], true),
    );
    const files: Record<string, string> = {};
    const page = fakePage(files);
    page.run(entry);
    await settle();
    const load = page.context.load as () => Promise<unknown>;
    await expect(load()).resolves.toBe('failed: script later-2.js failed to load');
    files['later-2.js'] = wrapChunk(chunk('assets/later-2.js', 'exports.v=2;'));
    await expect(load()).resolves.toBe(2);
  });

  it('logs, rather than throws into the void, when the entry cannot start', async () => {
    const entry = wrapChunk(chunk('assets/app-1.js', 'exports.x=require("./gone-2.js").x;', ['assets/gone-2.js'], true));
    const page = fakePage({});
    page.run(entry);
    await settle();
    expect(page.errors).toEqual(['[tv-app:boot] the app could not start: script gone-2.js failed to load']);
  });

  it('refuses to build a chunk with a require the loader cannot serve', () => {
    expect(() => wrapChunk(chunk('assets/app-1.js', 'const fs=require("fs");', [], true))).toThrow(/app-1\.js: a require\(\) the chunk loader cannot serve/);
    expect(() => wrapChunk(chunk('assets/a-1.js', 'require("./b-2.js");', []))).toThrow(/b-2\.js/);
  });
});

import { readFileSync } from 'node:fs';
import { minifySync, type Plugin, type Rolldown } from 'vite';

type Chunk = Pick<Rolldown.OutputChunk, 'fileName' | 'imports' | 'dynamicImports'>;

/** The loader every entry script starts with, minified here: it is written to be read. */
export const CHUNK_RUNTIME = minifiedRuntime(readFileSync(new URL('./chunk-runtime.js', import.meta.url), 'utf8'));

function minifiedRuntime(source: string): string {
  const { code, errors } = minifySync('chunk-runtime.js', source);
  if (errors.length) throw new Error(`build/chunk-runtime.js does not minify: ${errors.map((error) => error.message).join('; ')}`);
  return `${code.trim()}\n`;
}

const DYNAMIC_REQUIRE = /Promise\.resolve\(\)\.then\(\(\)=>require\((["'`])(\.\/[^"'`]+)\1\)\)/g;
const STATIC_REQUIRE = /\brequire\((["'`])(\.\/[^"'`]+)\1\)/g;
const ANY_REQUIRE = /\brequire\(/g;

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * Turns one CommonJS chunk into a classic script: its dynamic imports go through the runtime's
 * `require.load` and its body becomes a factory registered under its file name with the chunks
 * it needs. Throws on a `require` it does not understand rather than ship a script that fails
 * on the TV.
 */
export function wrapChunk(chunk: Pick<Rolldown.OutputChunk, 'fileName' | 'code' | 'imports' | 'isEntry'>): string {
  const body = chunk.code.replace(DYNAMIC_REQUIRE, (_match: string, _quote: string, path: string) => `require.load(${JSON.stringify(path)})`);
  const understood = [...body.matchAll(STATIC_REQUIRE)].map((match) => baseName(match[2]));
  const imports = chunk.imports.map(baseName);
  const stray = understood.filter((name) => !imports.includes(name));
  const requires = body.match(ANY_REQUIRE)?.length ?? 0;
  if (stray.length || requires !== understood.length) {
    throw new Error(`${chunk.fileName}: a require() the chunk loader cannot serve (${stray.join(', ') || 'not a ./chunk path'})`);
  }
  const name = JSON.stringify(baseName(chunk.fileName));
  // The factory header sits on a line of its own so the source map only shifts by one line.
  const wrapped = `__tvChunk(${name},${JSON.stringify(imports)},function(require,exports,module){\n${body}\n});`;
  return chunk.isEntry ? `${CHUNK_RUNTIME}${wrapped}__tvChunk.start(${name});` : wrapped;
}

/**
 * Code splitting for TV engines. The build emits CommonJS chunks (the one split format whose
 * output needs no module loader from the browser); this plugin wraps each in a classic script
 * the chunk runtime can register, and shifts its source map by the lines added in front.
 */
export function classicChunks(): Plugin {
  return {
    name: 'tv-classic-chunks',
    apply: 'build',
    enforce: 'post',
    // The entry's file name must change when the loader it carries does.
    augmentChunkHash: (chunk) => (chunk.isEntry ? CHUNK_RUNTIME : undefined),
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const shift = ';'.repeat(output.isEntry ? CHUNK_RUNTIME.split('\n').length : 1);
        output.code = wrapChunk(output);
        // The map file is already in the bundle by now, as an asset: that is the one written.
        const mapFile = output.sourcemapFileName ? bundle[output.sourcemapFileName] : undefined;
        if (mapFile?.type === 'asset') {
          const map = JSON.parse(String(mapFile.source)) as { mappings: string };
          mapFile.source = JSON.stringify({ ...map, mappings: shift + map.mappings });
        }
      }
    },
  };
}

/**
 * The first stage besides the entry: what the entry imports dynamically (the start-up module,
 * once the polyfills are in) and everything those need statically. Their own dynamic imports
 * are the second stage, fetched later.
 */
export function firstStageFiles(entry: Chunk, bundle: Record<string, { type: string } & Partial<Chunk>>): string[] {
  const files: string[] = [];
  const add = (file: string): void => {
    if (file === entry.fileName || files.includes(file)) return;
    files.push(file);
    bundle[file]?.imports?.forEach(add);
  };
  entry.dynamicImports.forEach(add);
  return files;
}

/**
 * Lists the first stage's chunks as deferred tags right after the entry's, so they download
 * beside it instead of after it has run; the loader waits for those tags rather than adding its own.
 */
export function withFirstStageTags(html: string, entryFile: string, files: string[]): string {
  const entryTag = new RegExp(`<script defer src="([^"]*)${entryFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"></script>`);
  const found = entryTag.exec(html);
  if (!found) throw new Error(`index.html has no deferred tag for ${entryFile}`);
  const tags = files.map((file) => `\n    <script defer src="${found[1]}${file}"></script>`).join('');
  return html.replace(found[0], found[0] + tags);
}

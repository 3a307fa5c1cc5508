import type { Plugin } from 'vite';

const CSS_TEMPLATE = /\bcss`([^`]*)`/g;
const COMMENT = /\/\*[\s\S]*?\*\//g;

/**
 * Trims one `css` template's text: comments and indentation go, line breaks stay, so every line
 * of the module keeps its place (and its source map needs no change). A template with `${…}`
 * parts is left as it is.
 */
export function trimCssTemplate(text: string): string {
  if (text.includes('${')) return text;
  return text
    .replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ''))
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
}

/**
 * Lit's `css` templates ship as written, comments and indentation included (about a tenth of
 * the app's style text): the build trims them. Line breaks stay, so source maps stay true.
 */
export function trimCssTemplates(): Plugin {
  return {
    name: 'tv-trim-css-templates',
    apply: 'build',
    transform: {
      filter: { id: /\/src\/.*\.ts$/ },
      handler(code) {
        if (!code.includes('css`')) return null;
        return { code: code.replace(CSS_TEMPLATE, (_match: string, text: string) => `css\`${trimCssTemplate(text)}\``), map: null };
      },
    },
  };
}

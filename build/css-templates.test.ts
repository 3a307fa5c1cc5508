import { describe, expect, it } from 'vitest';
import { trimCssTemplate, trimCssTemplates } from './css-templates';

describe('css templates', () => {
  it('drops comments and indentation but keeps every line break', () => {
    const text = '\n  :host {\n    /* Only the scale glides:\n       the engine animates it. */\n    display: block;\n  }\n';
    expect(trimCssTemplate(text)).toBe('\n:host {\n\n\ndisplay: block;\n}\n');
    expect(trimCssTemplate(text).split('\n')).toHaveLength(text.split('\n').length);
  });

  it('leaves a template with interpolations as written', () => {
    const text = '\n  :host { width: ${unsafeCSS(width)}; } /* why */\n';
    expect(trimCssTemplate(text)).toBe(text);
  });

  it('trims only css`…` templates in a module, leaving html templates and strings alone', () => {
    const plugin = trimCssTemplates();
    const transform = plugin.transform as { handler: (code: string) => { code: string } | null };
    const code = 'const a = css`\n  a {\n    color: red; /* note */\n  }\n`;\nconst b = html`\n  <p> text </p>\n`;\nconst c = "css  /* kept */";\n';
    expect(transform.handler(code)?.code).toBe('const a = css`\na {\ncolor: red;\n}\n`;\nconst b = html`\n  <p> text </p>\n`;\nconst c = "css  /* kept */";\n');
    expect(transform.handler('const x = 1;')).toBeNull();
  });
});

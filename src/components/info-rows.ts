import { html, type TemplateResult } from 'lit';

/** One label and value of an info card; `tone` colours the value. */
export interface InfoRow {
  label: string;
  value: string;
  tone?: 'good' | 'bad' | 'muted';
}

/**
 * An info card's rows as a list of focusable items: a viewer can step through them, and a voice
 * guide, which reads only what has focus, reads each label with its value.
 */
export function infoRows(rows: readonly InfoRow[]): TemplateResult {
  return html`<div class="rows" role="list">
    ${rows.map(
      ({ label, value, tone }) =>
        // Named outright: a list item's name is not taken from its text by every engine.
        html`<div class="row" role="listitem" focusable aria-label="${label}, ${value}"><span class="label">${label}</span><span class="value ${tone ?? ''}">${value}</span></div>`,
    )}
  </div>`;
}

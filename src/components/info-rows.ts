import { html, type TemplateResult } from 'lit';

/** One label and value of an info card; `tone` colours the value. */
export interface InfoRow {
  label: string;
  value: string;
  tone?: 'good' | 'bad' | 'muted';
}

/**
 * One focusable list item of a label and its value: a viewer can step onto it, and a voice guide,
 * which reads only what has focus, reads the label with the value. Named outright: a list item's
 * name is not taken from its text by every engine. The value is isolated (`<bdi>`): in a
 * right-to-left layout "1920 × 1080" or a date would otherwise be drawn in reverse order.
 */
export function infoRow({ label, value, tone }: InfoRow): TemplateResult {
  return html`<div class="row" role="listitem" focusable aria-label="${label}, ${value}"><span class="label">${label}</span><span class="value ${tone ?? ''}"><bdi>${value}</bdi></span></div>`;
}

/** An info card's rows as a list. */
export function infoRows(rows: readonly InfoRow[]): TemplateResult {
  return html`<div class="rows" role="list">${rows.map(infoRow)}</div>`;
}

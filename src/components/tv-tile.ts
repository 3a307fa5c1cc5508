import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Tile } from '../catalog/catalog';
import { setAttributeTo } from '../navigation/set-flag';
import { artworkBackground } from './artwork';
import { tileStyles } from './tv-tile.styles';

/** What a voice guide reads for a tile: title, subtitle, whether it is coming soon (unless the subtitle says so), and its place in the rail. */
export function tileLabel(tile: Pick<Tile, 'title' | 'subtitle' | 'comingSoon'>, position: number, count: number): string {
  const soon = tile.comingSoon && !/coming soon/i.test(tile.subtitle) ? 'coming soon' : '';
  const place = position > 0 && count > 0 ? `${position} of ${count}` : '';
  return [tile.title, tile.subtitle, soon, place].filter(Boolean).join(', ');
}

/**
 * One catalogue entry in a rail: generated artwork with its title; focusable unless coming soon.
 * The artwork is a plain element's background, not a `tv-artwork`: one custom element fewer
 * per tile to create and style at start-up.
 */
@customElement('tv-tile')
export class TvTile extends LitElement {
  static override styles = tileStyles;

  /** The catalogue entry shown. */
  @property({ attribute: false }) tile?: Tile;
  /** `landscape` (16:9) or `poster` (2:3), set by the rail. */
  @property({ reflect: true }) layout: 'landscape' | 'poster' = 'landscape';
  /** Where the tile sits in its rail, counted from 1, and how many tiles the rail has: voice guides read "3 of 8". */
  @property({ attribute: false }) position = 0;
  /** How many tiles the rail has, drawn or not yet. */
  @property({ attribute: false }) count = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('focusable', '');
    this.setAttribute('role', 'button');
  }

  protected override willUpdate(): void {
    const tile = this.tile;
    setAttributeTo(this, 'aria-disabled', tile?.comingSoon ? 'true' : undefined);
    this.setAttribute('aria-label', tile ? tileLabel(tile, this.position, this.count) : '');
  }

  override render() {
    const tile = this.tile;
    if (!tile) return nothing;
    return html`
      <div class="card">
        <div class="art" style="background: ${artworkBackground(tile.art, tile.id, this.layout)}"></div>
        ${tile.comingSoon ? html`<div class="badges"><span class="badge">Coming soon</span></div>` : nothing}
        <div class="caption">
          <div class="title">${tile.title}</div>
          ${tile.subtitle ? html`<div class="subtitle">${tile.subtitle}</div>` : nothing}
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-tile': TvTile;
  }
}

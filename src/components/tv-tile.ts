import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Tile } from '../catalog/catalog';
import { artworkBackground } from './artwork';
import { tileStyles } from './tv-tile.styles';

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

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('focusable', '');
    this.setAttribute('role', 'button');
  }

  protected override willUpdate(): void {
    const tile = this.tile;
    if (tile?.comingSoon) this.setAttribute('aria-disabled', 'true');
    else this.removeAttribute('aria-disabled');
    this.setAttribute('aria-label', tile ? [tile.title, tile.subtitle, tile.comingSoon ? 'coming soon' : ''].filter(Boolean).join(', ') : '');
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

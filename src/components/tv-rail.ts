import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Rail, Tile } from '../catalog/catalog';
import { RevealController } from '../navigation/reveal-controller';
import { ProgressiveRenderController } from './progressive-render-controller';
import { railStyles } from './tv-rail.styles';
import './tv-tile';

export interface TileSelectDetail {
  tile: Tile;
}

/** How far a pointer-mode arrow scrolls: most of a screen, so one tile stays in view for context. */
const ARROW_SCROLL = 1400;
/** Tiles that show across the 1920-pixel stage before the rail scrolls (the last one in part). */
const TILES_ON_SCREEN = { landscape: 5, poster: 7 } as const;

/**
 * A titled horizontal row of tiles. A `last-focused` focus group, so coming back to it lands on
 * the tile the viewer left; scrolls by transform to keep the focused tile in the safe area.
 * Fires `tv-tile-select` when an available tile is chosen.
 */
@customElement('tv-rail')
export class TvRail extends LitElement {
  static override styles = railStyles;

  /** The rail to show. */
  @property({ attribute: false }) rail?: Rail;

  private readonly reveal = new RevealController(this, {
    axis: 'x',
    viewport: () => this.renderRoot.querySelector<HTMLElement>('.viewport'),
    track: () => this.renderRoot.querySelector<HTMLElement>('.track'),
    margin: 96,
  });

  /** The tiles on screen come first; the others follow after the first paint. */
  private readonly tilesShown = new ProgressiveRenderController(this, { first: TILES_ON_SCREEN.landscape, step: 8 });

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('focus-group', '');
    this.setAttribute('last-focused', '');
  }

  /** Complete once the tiles are drawn too, so a coming-soon tile is already marked unfocusable. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await Promise.all(Array.from(this.renderRoot.querySelectorAll('tv-tile'), (tile) => tile.updateComplete));
    return done;
  }

  override render() {
    const rail = this.rail;
    if (!rail) return nothing;
    // A group named by the rail's title, so a voice guide says which rail focus entered.
    return html`
      <h2 id="title">${rail.title}</h2>
      <div class="viewport">
        <div class="track" role="group" aria-labelledby="title">
          ${rail.tiles
            .slice(0, this.tilesShown.count(rail.tiles.length, TILES_ON_SCREEN[rail.layout]))
            .map(
              (tile, index) =>
                html`<tv-tile .tile=${tile} .position=${index + 1} .count=${rail.tiles.length} layout=${rail.layout} @click=${() => this.select(tile)}></tv-tile>`,
            )}
        </div>
        <div class="arrow start" aria-hidden="true" @click=${() => this.reveal.scrollBy(-ARROW_SCROLL)}>‹</div>
        <div class="arrow end" aria-hidden="true" @click=${() => this.reveal.scrollBy(ARROW_SCROLL)}>›</div>
      </div>
    `;
  }

  private select(tile: Tile): void {
    if (tile.comingSoon) return;
    this.dispatchEvent(new CustomEvent('tv-tile-select', { detail: { tile }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-rail': TvRail;
  }
  interface GlobalEventHandlersEventMap {
    'tv-tile-select': CustomEvent<TileSelectDetail>;
  }
}

import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppServices } from '../app/services';
import { visibleRails, type Catalog, type Tile } from '../catalog/catalog';
import { loadCatalog } from '../catalog/load-catalog';
import { artworkBackground } from '../components/artwork';
import { ProgressiveRenderController } from '../components/progressive-render-controller';
import { SubscriptionController } from '../components/subscription-controller';
import { TvTile } from '../components/tv-tile';
import { tvNavigateEvent, type TvFocusChangeDetail } from '../navigation/events';
import { RevealController } from '../navigation/reveal-controller';
import { screenStyles } from './screen.styles';
import { homeStyles } from './tv-home-screen.styles';
import '../components/tv-button';
import '../components/tv-dialog';
import '../components/tv-rail';

/**
 * How long focus must rest on a tile before the hero shows it. Redrawing the hero in the same
 * frame as the focus move doubled the cost of every press; while arrows are held it never
 * redraws at all, and the viewer reads the hero only once they stop anyway.
 */
const HERO_REST_MS = 200;

/**
 * Home: a hero showing the focused tile, and rails of tiles from `catalog.json`, filtered by
 * feature flags. OK on a tile opens its details in a dialog.
 */
@customElement('tv-home-screen')
export class TvHomeScreen extends LitElement {
  static override styles = [screenStyles, homeStyles];

  /** Start-up's services: app name and feature flags. */
  @property({ attribute: false }) services?: Pick<AppServices, 'config' | 'featureFlags'>;
  /** The catalogue to show; loaded from `catalog.json` when not given. */
  @property({ attribute: false }) catalog?: Catalog;

  /** The tile the hero describes: the focused one, or the first. */
  @state() private featured?: Tile;
  /** The tile whose details dialog is open. */
  @state() private details?: Tile;

  protected readonly flags = new SubscriptionController(this, () => this.services?.featureFlags);
  /** Two rails fill the screen below the hero; the others follow after the first paint. */
  private readonly railsShown = new ProgressiveRenderController(this, { first: 2, step: 1 });
  protected readonly column = new RevealController(this, {
    axis: 'y',
    viewport: () => this.renderRoot.querySelector<HTMLElement>('.rails-viewport'),
    track: () => this.renderRoot.querySelector<HTMLElement>('.rails'),
    margin: 0,
    align: 'start',
  });

  private catalogLoad?: Promise<void>;
  private heroTimer?: number;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.catalog)
      this.catalogLoad ??= loadCatalog().then((catalog) => {
        this.catalog ??= catalog;
      });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.heroTimer);
  }

  /** Complete once the catalogue is in and its rails and tiles are drawn: the router waits for this to place focus. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.catalogLoad;
    const done = await super.getUpdateComplete();
    await Promise.all(Array.from(this.renderRoot.querySelectorAll('tv-rail'), (rail) => rail.updateComplete));
    return done;
  }

  override render() {
    const all = this.catalog?.rails ?? [];
    const rails = this.catalog ? visibleRails(this.catalog, this.services?.featureFlags) : [];
    // Every rail keeps its place in catalogue order and a flag only hides or shows it, so a flag
    // that turns on never re-creates the rails below it (their focus and scroll stay).
    const drawn = all.slice(0, all.indexOf(rails[this.railsShown.count(rails.length) - 1]) + 1);
    const hero = this.featured ?? rails[0]?.tiles[0];
    return html`
      <header class="screen-header">
        <h1>${this.services?.config.appName ?? __APP_NAME__}</h1>
        <nav focus-group @tv-focus-change=${this.onHeaderFocus}>
          <tv-button @click=${() => this.open('device')}>Device</tv-button>
          <tv-button @click=${() => this.open('settings')}>Settings</tv-button>
          <tv-button @click=${() => this.open('approval')}>Approve TV</tv-button>
        </nav>
      </header>
      ${hero ? this.renderHero(hero) : nothing}
      <div class="rails-viewport" @tv-focus-change=${this.onFocusChange} @tv-tile-select=${(event: CustomEvent<{ tile: Tile }>) => (this.details = event.detail.tile)}>
        <div class="rails" default-focus>
          ${drawn.map((rail) => html`<tv-rail .rail=${rail} ?hidden=${!rails.includes(rail)}></tv-rail>`)}
        </div>
        ${this.catalog && !rails.length ? html`<p class="empty">Nothing to show yet.</p>` : nothing}
      </div>
      ${this.details ? this.renderDetails(this.details) : nothing}
    `;
  }

  private renderHero(tile: Tile) {
    // Not a live region: it follows focus, so a voice guide would read each tile twice, then its description.
    return html`<section class="hero">
      <div class="hero-art" style="background: ${artworkBackground(tile.art, tile.id)}"></div>
      <div class="hero-text">
        <h2>${tile.title}</h2>
        ${tile.subtitle ? html`<p class="meta">${tile.subtitle}</p>` : nothing}
        ${tile.description ? html`<p class="description">${tile.description}</p>` : nothing}
      </div>
    </section>`;
  }

  private renderDetails(tile: Tile) {
    const close = () => (this.details = undefined);
    return html`<tv-dialog heading=${tile.title} @tv-dialog-cancel=${close}>
      <div class="details">
        <div class="details-art" style="background: ${artworkBackground(tile.art, tile.id)}"></div>
        <div>
          ${tile.subtitle ? html`<p class="meta">${tile.subtitle}</p>` : nothing}
          <p class="synopsis">${tile.description || 'No description.'}</p>
          <p class="note">Sample content from catalog.json: there is nothing to play.</p>
        </div>
      </div>
      <tv-button slot="actions" default-focus @click=${close}>Close</tv-button>
    </tv-dialog>`;
  }

  private readonly onFocusChange = (event: CustomEvent<TvFocusChangeDetail>): void => {
    const tile = event.composedPath().find((node): node is TvTile => node instanceof TvTile)?.tile;
    window.clearTimeout(this.heroTimer);
    if (!tile) return;
    // The first focus (start-up, or coming back) shows at once: nothing is moving yet.
    if (!this.featured) this.featured = tile;
    else this.heroTimer = window.setTimeout(() => (this.featured = tile), HERO_REST_MS);
  };

  /**
   * The rails scroll only to bring a focused rail to the top, so a rail nothing in can take focus
   * (all coming soon) would stay scrolled away above: going up to the header shows the rails from
   * the start again. Not under a pointer, where nothing may slide on its own.
   */
  private readonly onHeaderFocus = (event: CustomEvent<TvFocusChangeDetail>): void => {
    if (event.detail.cause !== 'pointer') this.column.scrollBy(-Infinity);
  };

  private open(route: 'approval' | 'device' | 'settings'): void {
    window.dispatchEvent(tvNavigateEvent(route));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-home-screen': TvHomeScreen;
  }
}

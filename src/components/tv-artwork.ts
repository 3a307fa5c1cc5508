import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Artwork } from '../catalog/catalog';
import { drawArtwork } from './artwork';

/** Proportions of the drawing; the SVG is sliced to fill whatever box it gets. */
const SIZES = { landscape: [160, 90], poster: [100, 150] } as const;

/** A tile's generated picture: an SVG drawn from its colour and motif, no image file needed. */
@customElement('tv-artwork')
export class TvArtwork extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow: hidden;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
  `;

  /** The colour and motif to draw. */
  @property({ attribute: false }) art?: Artwork;
  /** Seeds the pattern, usually the tile's id, so each tile looks different but always the same. */
  @property() seed = '';
  /** The proportions to draw for. */
  @property() shape: keyof typeof SIZES = 'landscape';

  override render() {
    if (!this.art) return nothing;
    const [width, height] = SIZES[this.shape] ?? SIZES.landscape;
    const drawing = drawArtwork(this.art, this.seed, width, height);
    return html`<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid slice" aria-hidden="true">
      <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color=${drawing.from}></stop><stop offset="1" stop-color=${drawing.to}></stop></linearGradient></defs>
      <rect width=${width} height=${height} fill="url(#bg)"></rect>
      ${drawing.shapes.map((shape) =>
        shape.kind === 'circle'
          ? svg`<circle cx=${shape.cx} cy=${shape.cy} r=${shape.r} fill=${shape.fill} opacity=${shape.opacity}></circle>`
          : svg`<path d=${shape.d} fill=${shape.fill} opacity=${shape.opacity}></path>`,
      )}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-artwork': TvArtwork;
  }
}

import { LitElement, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Artwork } from '../catalog/catalog';
import { artworkImage } from './artwork';

/** Proportions of the drawing; the image is cropped to fill whatever box it gets. */
const SIZES = { landscape: [160, 90], poster: [100, 150] } as const;

/** A tile's generated picture, drawn from its colour and motif: no image file needed. */
@customElement('tv-artwork')
export class TvArtwork extends LitElement {
  static override styles = css`
    :host {
      display: block;
      background-position: center;
      background-repeat: no-repeat;
      background-size: cover;
    }
  `;

  /** The colour and motif to draw. */
  @property({ attribute: false }) art?: Artwork;
  /** Seeds the pattern, usually the tile's id, so each tile looks different but always the same. */
  @property() seed = '';
  /** The proportions to draw for. */
  @property() shape: keyof typeof SIZES = 'landscape';

  protected override willUpdate(): void {
    const [width, height] = SIZES[this.shape] ?? SIZES.landscape;
    // The host's own background: no element inside, so a tile adds no paint layers for its picture.
    this.style.backgroundImage = this.art ? artworkImage(this.art, this.seed, width, height) : '';
  }

  override render() {
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-artwork': TvArtwork;
  }
}

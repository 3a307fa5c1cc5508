import { LitElement, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Artwork } from '../catalog/catalog';
import { artworkBackground, type ArtworkShape } from './artwork';

/** A generated picture, drawn from a colour and motif: no image file needed. Fills whatever box it gets. */
@customElement('tv-artwork')
export class TvArtwork extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** The colour and motif to draw. */
  @property({ attribute: false }) art?: Artwork;
  /** Seeds the pattern, usually the tile's id, so each tile looks different but always the same. */
  @property() seed = '';
  /** The proportions to draw for, so discs stay round. */
  @property() shape: ArtworkShape = 'landscape';

  protected override willUpdate(): void {
    // The host's own background: no element inside, so the picture adds no paint layers.
    this.style.background = this.art ? artworkBackground(this.art, this.seed, this.shape) : '';
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

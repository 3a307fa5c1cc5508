import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/**
 * The yardstick for start-up: the least a Lit TV app can do before the viewer sees a focused
 * tile. It renders one tile in a rail and focuses it, so the bench's probe measures both pages
 * with the same definition of "first focused tile painted".
 */
@customElement('tv-bench-hello')
export class TvBenchHello extends LitElement {
  static override styles = css`
    .tile {
      display: inline-block;
      padding: 24px 48px;
      background: #20232c;
      color: #f2f3f5;
      font: 32px sans-serif;
    }
    .tile:focus {
      outline: 5px solid #fff;
    }
  `;

  override render() {
    return html`<div class="rail"><div class="tile" focusable tabindex="-1">Hello</div></div>`;
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('.tile')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-bench-hello': TvBenchHello;
  }
}

document.body.appendChild(document.createElement('tv-bench-hello'));

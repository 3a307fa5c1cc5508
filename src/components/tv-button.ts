import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A 10-foot button: a native button inside, so OK, screen readers and the focus engine all know it. */
@customElement('tv-button')
export class TvButton extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
    }
    button {
      font: inherit;
      font-size: var(--tv-font-size-body);
      font-weight: 600;
      padding: 14px 44px;
      border: none;
      border-radius: 999px;
      background: var(--tv-color-surface-raised);
      color: var(--tv-color-text);
      cursor: pointer;
      outline: none;
      transition:
        transform var(--tv-motion) ease-out,
        background-color var(--tv-motion) ease-out;
    }
    button[focused] {
      background: var(--tv-focus-ring);
      color: var(--tv-color-background);
      transform: scale(var(--tv-focus-scale));
    }
    button:disabled {
      opacity: 0.4;
      cursor: default;
    }
  `;

  /** Greys the button out and takes it out of focus navigation. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  override render() {
    return html`<button part="button" ?disabled=${this.disabled}><slot></slot></button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-button': TvButton;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The "no network" notice Samsung's checklist asks for: a banner at the bottom of the stage
 * that never takes focus or blocks keys, so the viewer can go on browsing what is loaded.
 */
@customElement('tv-network-notice')
export class TvNetworkNotice extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      left: 0;
      right: 0;
      bottom: var(--tv-safe-top);
      z-index: 5;
      display: flex;
      justify-content: center;
      pointer-events: none;
    }
    /*
     * A fixed 98 px tall whatever the TV's font (16 + 38 + 28 + 16): the shell keeps the screens'
     * content above the notice by that height (tv-app's --tv-notice-space), so it must not grow;
     * and low enough that a focused poster on home's top row clears it.
     */
    .notice {
      display: flex;
      align-items: center;
      box-sizing: border-box;
      height: 98px;
      padding: 16px 40px;
      line-height: 38px;
      border-radius: var(--tv-radius);
      background: var(--tv-color-surface-raised);
      box-shadow: 0 16px 40px rgba(6, 8, 12, 0.6);
      font-size: var(--tv-font-size-body);
    }
    .icon {
      width: 40px;
      height: 40px;
      margin-right: 24px;
      flex: none;
    }
    .detail {
      color: var(--tv-color-text-muted);
      font-size: var(--tv-font-size-small);
      line-height: 28px;
    }
  `;

  /** The notice shows while this is false. */
  @property({ type: Boolean }) online = true;

  override render() {
    return html`<div role="status" aria-live="polite">
      ${this.online
        ? nothing
        : html`<div class="notice">
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
              <path fill="none" stroke="var(--tv-color-warning)" stroke-width="2" stroke-linecap="round" d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0M3 3l18 18" />
              <circle cx="12" cy="19" r="1.4" fill="var(--tv-color-warning)" />
            </svg>
            <div>
              <div>No network connection</div>
              <div class="detail">Check the TV's network settings. The app reconnects by itself.</div>
            </div>
          </div>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-network-notice': TvNetworkNotice;
  }
}

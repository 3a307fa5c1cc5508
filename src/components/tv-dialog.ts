import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { dialogStyles } from './tv-dialog.styles';

/**
 * A modal dialog over the whole stage: a `self-only` focus group, so the focus engine moves
 * focus into it when it appears, keeps it there, and returns it to where it was when the dialog
 * is removed. Render it only while open. Back fires `tv-dialog-cancel`; the owner closes it.
 * Put buttons in the `actions` slot and mark the safe choice `default-focus`.
 */
@customElement('tv-dialog')
export class TvDialog extends LitElement {
  static override styles = dialogStyles;

  /** The dialog's title, also its accessible name; the body is its accessible description, so a voice guide reads both. */
  @property() heading = '';

  constructor() {
    super();
    this.addEventListener('tv-key', (event) => {
      if (event.detail.key !== 'back') return;
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('tv-dialog-cancel', { bubbles: true, composed: true }));
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('focus-group', 'self-only');
  }

  /** Complete once the slotted buttons are drawn too, so focus can land on them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    // Not flatMap: Chromium 68 lacks it.
    const slotted = Array.from(this.renderRoot.querySelectorAll('slot')).reduce<Element[]>((all, slot) => all.concat(slot.assignedElements({ flatten: true })), []);
    await Promise.all(slotted.map((element) => (element as Partial<LitElement>).updateComplete));
    return done;
  }

  override render() {
    return html`
      <div class="panel" role="dialog" aria-modal="true" aria-labelledby="heading" aria-describedby="body">
        <h2 id="heading">${this.heading}</h2>
        <div class="body" id="body"><slot></slot></div>
        <div class="actions"><slot name="actions"></slot></div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-dialog': TvDialog;
  }
  interface GlobalEventHandlersEventMap {
    'tv-dialog-cancel': CustomEvent<undefined>;
  }
}

import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SubscriptionController } from '../components/subscription-controller';
import { BanKeyTrapController } from '../device/ban-key-trap-controller';
import type { DeviceStateSource } from '../device/device-state';
import { ExclusiveFocusController } from '../device/exclusive-focus-controller';
import { setAttributeTo } from '../navigation/set-flag';
import type { Platform } from '../platform/platform';
import { banScreenStyles } from './tv-ban-screen.styles';

/**
 * Message sizes tried in turn (in vh, so 720p and 1080p look alike) until the whole text fits: a
 * long message usually ends with whom to contact, which must not be the part cut off. The
 * smallest is still about 26 px on the 1080p stage; 1000 characters (the kept maximum) fit at 3.
 */
const MESSAGE_SIZES_VH = [4.4, 3.6, 3, 2.4];

/**
 * The ban (CONTRACT §4): full-screen black with the server's message as plain text, shown while
 * device state says banned. Mounted by start-up beside `<tv-app>`, never inside it, so the shell
 * can neither cover it nor hear a key while it shows.
 */
@customElement('tv-ban-screen')
export class TvBanScreen extends LitElement {
  static override styles = banScreenStyles;

  /** The device state to follow: the screen shows while it carries a ban. */
  @property({ attribute: false }) device?: DeviceStateSource;

  /** Back and Exit call its `exit()`; on a desktop that does nothing. */
  @property({ attribute: false }) platform?: Pick<Platform, 'exit'>;

  protected readonly deviceUpdates = new SubscriptionController(this, () => this.device);
  protected readonly keyTrap = new BanKeyTrapController(this, () => this.isBanned, () => this.platform?.exit());
  protected readonly focusTrap = new ExclusiveFocusController(this, () => this.isBanned);

  /** The message last fitted: a fit reads layout, so an update that changed nothing skips it. */
  private fitted?: string;

  private get isBanned(): boolean {
    return this.device?.state.banned !== undefined;
  }

  override willUpdate(): void {
    this.toggleAttribute('active', this.isBanned);
    // The screen itself holds focus, so it is what a voice guide reads: as a dialog named by the
    // message, also after a restart, when a message already on the page is never announced.
    setAttributeTo(this, 'role', this.isBanned ? 'alertdialog' : undefined);
    setAttributeTo(this, 'aria-label', this.device?.state.banned?.message);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.onResize);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.onResize);
  }

  /** Sizes are in vh and the width in vw: another shape of window needs another fit. */
  private readonly onResize = (): void => {
    if (!this.isBanned) return;
    this.fitted = undefined;
    this.requestUpdate();
  };

  override updated(): void {
    const message = this.renderRoot.querySelector<HTMLElement>('.message');
    const text = this.device?.state.banned?.message;
    // A new message, a new window shape, or the same message on a new paragraph (the ban lifted
    // and shown again): fit it.
    if (!message || (text === this.fitted && message.style.fontSize)) return;
    this.fitted = text;
    for (const size of MESSAGE_SIZES_VH) {
      message.style.fontSize = `${size}vh`;
      if (message.scrollHeight <= message.clientHeight) break;
    }
  }

  override render() {
    const ban = this.device?.state.banned;
    if (!ban) return nothing;
    // A text binding, never innerHTML: the message is whatever the server sent.
    return html`<p class="message">${ban.message}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-ban-screen': TvBanScreen;
  }
}

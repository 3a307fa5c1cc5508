import { LitElement, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { describeApprovalResult } from '../approval/approval-messages';
import type { ApprovalPhase } from '../approval/approval-service';
import type { AppServices } from '../app/services';
import { SubscriptionController } from '../components/subscription-controller';
import { approvalScreenStyles } from './tv-approval-screen.styles';

/** Keys that confirm a typed link: Enter, and the Done key of Samsung's on-screen keyboard. */
const CONFIRM_KEY_CODES = [13, 65376];

/**
 * Magic-link approval (CONTRACT §5): shows which TV this is, takes a typed link (a real
 * `<input>`, so OK on it opens the TV's on-screen keyboard), and says how each attempt went in
 * plain words. Links that arrive with a launch are sent by the approval service; this screen
 * shows their result and never puts them in the field.
 */
@customElement('tv-approval-screen')
export class TvApprovalScreen extends LitElement {
  static override styles = approvalScreenStyles;

  /** The app's services; the screen reads `approval` from them. */
  @property({ attribute: false }) services?: Pick<AppServices, 'approval'>;

  /** Re-renders on every change of the approval service. */
  protected readonly approvalUpdates = new SubscriptionController(this, () => this.services?.approval);

  @query('input') private readonly input?: HTMLInputElement;

  override render() {
    const approval = this.services?.approval;
    const device = approval?.device;
    return html`
      <h1>Approve this TV</h1>
      <section aria-label="This TV">
        <dl id="this-tv">
          <dt>Name</dt>
          <dd class="name">${device ? device.deviceName : html`<span class="muted">Reading the TV…</span>`}</dd>
          <dt>Identifier</dt>
          <dd class="identifier">${device?.deviceId ?? nothing}</dd>
        </dl>
      </section>
      <div class="entry" focus-group>
        <label for="link">Magic link</label>
        <input id="link" type="text" default-focus aria-describedby="this-tv" autocomplete="off" autocapitalize="off" spellcheck="false" placeholder="Type the link you received" @keydown=${this.onKeyDown} />
        <button class="send" @click=${this.send}>Send</button>
      </div>
      <div class="result" role="status" aria-live="polite" focus-group>${approval ? this.renderPhase(approval.phase, approval.canRetry) : nothing}</div>
    `;
  }

  private renderPhase(phase: ApprovalPhase, canRetry: boolean) {
    if (phase.kind === 'idle') return nothing;
    if (phase.kind === 'sending') return html`<p class="muted">Sending…</p>`;
    const message = describeApprovalResult(phase.result, Date.now());
    return html`<div class=${message.tone}>
      <p class="title">${message.title}</p>
      <p class="detail">${message.detail}</p>
      ${canRetry ? html`<button class="retry" @click=${this.retry}>Try again</button>` : nothing}
    </div>`;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    // An empty field keeps OK for the TV, which opens its keyboard.
    if (!CONFIRM_KEY_CODES.includes(event.keyCode) || !this.input?.value.trim()) return;
    event.preventDefault();
    this.send();
  };

  private readonly send = (): void => {
    const link = this.input?.value ?? '';
    if (!link.trim()) {
      this.input?.focus();
      return;
    }
    // Send stays live while "Sending…" shows: a different link typed meanwhile is still sent, and
    // OK again on the same one only keeps "Sending…" (the service waits for the request under way).
    void this.services?.approval.submit(link);
  };

  private readonly retry = (): void => {
    void this.services?.approval.retry();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-approval-screen': TvApprovalScreen;
  }
}

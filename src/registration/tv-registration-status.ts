import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AppServices } from '../app/services';
import { infoRows } from '../components/info-rows';
import { SubscriptionController } from '../components/subscription-controller';
import { describeRegistrationStatus } from './describe-registration-status';
import { registrationStatusStyles } from './tv-registration-status.styles';

/**
 * The device screen's "Registration" section: state, last answer and next attempt. The only
 * place registration is ever shown (CONTRACT §3); it never shows ids or tokens.
 */
@customElement('tv-registration-status')
export class TvRegistrationStatus extends LitElement {
  static override styles = registrationStatusStyles;

  /** The app's services; the section reads `registration` from them. */
  @property({ attribute: false }) services?: Pick<AppServices, 'registration'>;

  /** Re-renders on every change of the registration status. */
  protected readonly registrationUpdates = new SubscriptionController(this, () => this.services?.registration);

  override render() {
    const registration = this.services?.registration;
    const rows = registration ? describeRegistrationStatus(registration.status(), Date.now()) : [];
    return html`<section aria-labelledby="registration">
      <h2 id="registration">Registration</h2>
      ${infoRows(rows)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-registration-status': TvRegistrationStatus;
  }
}

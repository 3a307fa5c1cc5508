import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AppServices } from '../app/services';
import { infoRows, type InfoRow } from '../components/info-rows';
import { SubscriptionController } from '../components/subscription-controller';
import { describeMacSource, describeManagement, describeOutcome, formatClockTime } from '../device/describe-device-state';
import type { DeviceIdentity } from '../device/device-identity';
import type { DeviceState } from '../device/device-state';
import { formatMac } from '../device/mac-address';
import { RevealController } from '../navigation/reveal-controller';
import { deviceScreenStyles } from './tv-device-screen.styles';

const PLATFORM_NAMES: Record<DeviceIdentity['platform'], string> = { tizen: 'Samsung Tizen', webos: 'LG webOS', desktop: 'Desktop browser' };

function row(label: string, value: unknown, tone?: InfoRow['tone']): InfoRow {
  const missing = value === undefined || value === '';
  return { label, value: missing ? 'Not available' : String(value), tone: tone ?? (missing ? 'muted' : undefined) };
}

/**
 * The tester's view of device management: who this device is, the network, the management
 * flag, the check schedule and the ban. Read-only; re-renders on every device state change.
 * Registration adds its own section through the `registration` slot.
 */
@customElement('tv-device-screen')
export class TvDeviceScreen extends LitElement {
  static override styles = deviceScreenStyles;

  /** The app's services; the screen reads `device` from them. */
  @property({ attribute: false }) services?: Pick<AppServices, 'device'>;

  protected readonly deviceUpdates = new SubscriptionController(this, () => this.services?.device);
  /**
   * The cards scroll by transform to keep the focused row's card in view: a TV's longer values
   * (a unique ID, where the MAC came from) wrap, and the registration card's last rows then fell
   * below the safe area or off the screen, focus with them.
   */
  protected readonly reveal = new RevealController(this, {
    axis: 'y',
    viewport: () => this.renderRoot.querySelector<HTMLElement>('.viewport'),
    track: () => this.renderRoot.querySelector<HTMLElement>('.cards'),
    margin: 40,
  });

  override render() {
    const state = this.services?.device?.state;
    return html`
      <h1>Device</h1>
      <div class="viewport"><div class="cards">
        <section aria-labelledby="identity">
          <h2 id="identity">This device</h2>
          ${state?.identity ? this.renderIdentity(state.identity) : html`<p class="muted">Reading the platform…</p>`}
        </section>
        <section aria-labelledby="management">
          <h2 id="management">Device management</h2>
          ${state ? this.renderManagement(state) : nothing}
        </section>
        <div class="registration"><slot name="registration"></slot></div>
      </div></div>
    `;
  }

  private renderIdentity(identity: DeviceIdentity): TemplateResult {
    return infoRows([
      row('Identifier', formatMac(identity.mac, 'colon')),
      row('Source', describeMacSource(identity.macSource)),
      row('Platform', PLATFORM_NAMES[identity.platform]),
      row('OS', [identity.osName, identity.osVersion].filter(Boolean).join(' ')),
      row('Firmware', identity.firmware),
      row('Model', [identity.brand, identity.model].filter(Boolean).join(' ')),
      row('Unique ID', identity.uniqueId),
      row('Device type', identity.deviceType),
    ]);
  }

  private renderManagement(state: DeviceState): TemplateResult {
    const next = state.inFlight ? 'Checking now…' : state.nextCheckAt === undefined ? undefined : formatClockTime(state.nextCheckAt);
    return infoRows([
      row('Network', state.online ? 'Online' : 'Offline', state.online ? 'good' : 'bad'),
      row('Management', describeManagement(state.managementEnabled), state.managementEnabled === undefined ? 'muted' : undefined),
      row('Last check', state.lastCheck ? formatClockTime(state.lastCheck.at) : undefined),
      row('Last outcome', state.lastCheck ? describeOutcome(state.lastCheck.outcome) : undefined),
      row('Next check', next),
      row('Ban', state.banned ? `Banned: ${state.banned.message}` : 'Not banned', state.banned ? 'bad' : 'good'),
    ]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-device-screen': TvDeviceScreen;
  }
}

import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppServices } from '../app/services';
import { infoRow, type InfoRow } from '../components/info-rows';
import { tvNavigateEvent } from '../navigation/events';
import { RevealController } from '../navigation/reveal-controller';
import { engineFromUserAgent, platformLabel, THIRD_PARTY_LICENCES } from './about';
import { screenStyles } from './screen.styles';
import { settingsStyles } from './tv-settings-screen.styles';
import '../components/tv-artwork';

/** What each remote key does in the shell, for the viewer and for whoever supports them. */
const REMOTE_KEYS: readonly InfoRow[] = [
  { label: 'Arrows, OK', value: 'Move, choose' },
  { label: 'Back', value: 'Previous screen; on Home, leave the app' },
  { label: 'Red', value: 'Device information' },
  { label: 'Green', value: 'Settings' },
];

/**
 * A heading and the list it names: a voice guide entering the list says which one it is (a
 * heading inside a list would be a stray child that no focus ever reaches).
 */
function section(id: string, title: string, rows: unknown): TemplateResult {
  return html`<h2 id=${id}>${title}</h2><div role="list" aria-labelledby=${id}>${rows}</div>`;
}

/**
 * Settings and about: app version, platform, engine, remote keys and licences, as one list the
 * viewer arrows through; the list scrolls by transform to keep the focused row in view.
 */
@customElement('tv-settings-screen')
export class TvSettingsScreen extends LitElement {
  static override styles = [screenStyles, settingsStyles];

  /** Start-up's services: app name and platform. */
  @property({ attribute: false }) services?: Pick<AppServices, 'config' | 'platform'>;

  /** The platform's OS version, read once when the screen opens. */
  @state() private osVersion?: string;

  protected readonly reveal = new RevealController(this, {
    axis: 'y',
    viewport: () => this.renderRoot.querySelector<HTMLElement>('.viewport'),
    track: () => this.renderRoot.querySelector<HTMLElement>('.track'),
    margin: 120,
  });

  protected override firstUpdated(): void {
    // The platform promises an answer (or undefined) in bounded time, never a rejection.
    void this.services?.platform.readOsVersion().then((version) => (this.osVersion = version));
  }

  override render() {
    const services = this.services;
    const platform = services?.platform;
    const about: InfoRow[] = [
      { label: 'App', value: `${services?.config.appName ?? __APP_NAME__} ${__APP_VERSION__}` },
      { label: 'Platform', value: platformLabel(platform?.name) },
      { label: 'Operating system', value: [platform?.osName, this.osVersion].filter(Boolean).join(' ') || 'Unknown' },
      { label: 'Web engine', value: engineFromUserAgent(navigator.userAgent) },
      { label: 'Screen', value: `${window.innerWidth} × ${window.innerHeight}` },
    ];
    const appName = services?.config.appName ?? __APP_NAME__;
    return html`
      <header class="screen-header"><h1>Settings</h1></header>
      <aside class="app-card" aria-hidden="true">
        <tv-artwork .art=${{ hue: 220, motif: 'waves' }} seed=${appName}></tv-artwork>
        <p class="app-name">${appName}</p>
        <p class="app-version">Version ${__APP_VERSION__}</p>
      </aside>
      <div class="viewport">
        <div class="track" default-focus>
          ${section('about', 'About', html`
            ${about.map(infoRow)}
            <!-- A link inside its list item: a voice guide says that OK opens something, and counts the rows right. -->
            <div role="listitem">
              <div class="row link" role="link" focusable @click=${() => window.dispatchEvent(tvNavigateEvent('device'))}>
                <span>Device information</span><span class="chevron" aria-hidden="true">›</span>
              </div>
            </div>
          `)}
          ${section('keys', 'Remote control', REMOTE_KEYS.map(infoRow))}
          ${section('licences', 'Open-source licences', THIRD_PARTY_LICENCES.map((item) => infoRow({ label: item.name, value: `${item.licence} · © ${item.copyright}` })))}
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-settings-screen': TvSettingsScreen;
  }
}

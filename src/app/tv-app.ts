import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { SubscriptionController } from '../components/subscription-controller';
import { createLogger, errorMessage } from '../log/log';
import { FocusController } from '../navigation/focus-controller';
import type { TvKey } from '../navigation/key-map';
import { PointerModeController } from '../navigation/pointer-mode-controller';
import { RemoteKeyController } from '../navigation/remote-key-controller';
import type { RouteEntry } from '../navigation/router';
import { RouterController } from '../navigation/router-controller';
import type { AppServices, CoreServices, LaterServices } from './services';
import { StageScaleController } from './stage-scale-controller';
import { appStyles } from './tv-app.styles';
import '../components/tv-button';
import '../components/tv-dialog';
import '../components/tv-network-notice';
import '../screens/tv-home-screen';

const log = createLogger('shell');

/**
 * The application root: a 1920×1080 lean-back stage scaled to the screen, the screens of the
 * navigation history (the top one shown, the others kept with their focus and scroll), the
 * no-network notice and the exit confirmation. Owns remote keys, focus and pointer mode.
 */
@customElement('tv-app')
export class TvApp extends LitElement {
  static override styles = appStyles;

  /** What the first script provides; set once, before the app is mounted. */
  @property({ attribute: false }) services?: CoreServices;

  /** What the second script adds (registration, approval); the screens beyond home wait for it. */
  @property({ attribute: false }) later?: LaterServices;

  /** The last attempt to load the second script failed: the screen asked for meanwhile is given up, the next one asked for tries again. */
  @property({ attribute: false }) laterFailed = false;

  /** The screen the exit question was asked on (Back on home), while it is up. */
  @state() private exitAskedOn?: RouteEntry;

  private readonly stage = new StageScaleController(this);
  private readonly focusEngine = new FocusController(this);
  private readonly navigation = new RouterController(this, this.focusEngine, (entry) => this.renderRoot.querySelector<HTMLElement>(`[data-entry="${entry.id}"]`));
  protected readonly keys = new RemoteKeyController(this, this.focusEngine, (key) => this.onKey(key));
  protected readonly pointer = new PointerModeController(this, this.focusEngine);
  protected readonly connectivity = new SubscriptionController(this, () => this.services?.connectivity);
  private started = false;
  /** Core and later services in one object, made once, so screens see no change on every render. */
  private all?: AppServices;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A screen opened while the exit question is up (a colour key, a relaunch with a magic link)
    // answers it: the viewer stays, and the question must not wait behind that screen.
    if (this.exitAskedOn && this.exitAskedOn !== this.navigation.router.current) this.exitAskedOn = undefined;
    if (changed.has('later') || changed.has('services')) this.all = this.services && this.later ? { ...this.services, ...this.later } : undefined;
    const asked = this.navigation.router.current.route;
    if (asked !== 'home' && !this.later) {
      if (changed.has('laterFailed') && this.laterFailed) {
        // Kept out of the history, so that Back on home still asks before leaving.
        log.warn(`the ${asked} screen is unavailable: its script did not load`);
        this.navigation.navigate('home');
      } else this.dispatchEvent(new Event('tv-later-wanted'));
    }
    const services = this.services;
    if (!services || this.started) return;
    this.started = true;
    try {
      services.platform.registerKeys();
    } catch (error) {
      log.warn(`registering the remote's colour and media keys failed (${errorMessage(error)}); those keys may not arrive`);
    }
    this.navigation.followLaunches(services.platform);
  }

  override render() {
    const entries = this.navigation.router.entries;
    const all = this.all;
    // A screen of the second script shows once it has loaded; until then the one below stays.
    const shown = entries.filter((entry) => entry.route === 'home' || all).pop();
    const online = this.services?.connectivity.online ?? true;
    return html`
      <div class="stage" ?offline=${!online} style="--tv-stage-scale: ${this.stage.scale}">
        ${entries.map((entry) => keyed(entry.id, this.renderScreen(entry, entry !== shown, all)))}
        <tv-network-notice .online=${online}></tv-network-notice>
        ${this.exitAskedOn ? this.renderExitDialog() : nothing}
      </div>
    `;
  }

  private renderScreen(entry: RouteEntry, hidden: boolean, all: AppServices | undefined) {
    if (entry.route === 'home') {
      return html`<tv-home-screen class="screen" data-entry=${entry.id} ?hidden=${hidden} .services=${this.services} .catalog=${this.services?.catalog}></tv-home-screen>`;
    }
    if (!all) return nothing;
    switch (entry.route) {
      case 'settings':
        return html`<tv-settings-screen class="screen" data-entry=${entry.id} ?hidden=${hidden} .services=${all}></tv-settings-screen>`;
      case 'device':
        return html`<tv-device-screen class="screen" data-entry=${entry.id} ?hidden=${hidden} .services=${all}>
          <tv-registration-status slot="registration" .services=${all}></tv-registration-status>
        </tv-device-screen>`;
      case 'approval':
        return html`<tv-approval-screen class="screen" data-entry=${entry.id} ?hidden=${hidden} .services=${all}></tv-approval-screen>`;
    }
  }

  private renderExitDialog() {
    const stay = () => (this.exitAskedOn = undefined);
    return html`<tv-dialog heading="Exit ${this.services?.config.appName ?? __APP_NAME__}?" @tv-dialog-cancel=${stay}>
      You can open it again from your TV's home screen.
      <tv-button slot="actions" default-focus @click=${stay}>Cancel</tv-button>
      <tv-button slot="actions" @click=${() => this.exit()}>Exit</tv-button>
    </tv-dialog>`;
  }

  private onKey(key: TvKey): void {
    switch (key) {
      case 'up':
      case 'down':
      case 'left':
      case 'right':
        this.focusEngine.move(key);
        break;
      case 'enter':
        this.focusEngine.active?.click();
        break;
      case 'back':
        // Samsung's store rules: Back on the first screen asks before leaving.
        if (!this.navigation.back()) this.exitAskedOn = this.navigation.router.current;
        break;
      case 'exit':
        this.exit();
        break;
      case 'red':
        this.navigation.navigate('device');
        break;
      case 'green':
        this.navigation.navigate('settings');
        break;
    }
  }

  private exit(): void {
    this.exitAskedOn = undefined;
    try {
      this.services?.platform.exit();
    } catch (error) {
      log.error(`leaving the app failed (${errorMessage(error)})`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-app': TvApp;
  }
  interface HTMLElementEventMap {
    /** A screen of the second script was asked for before that script was fetched. */
    'tv-later-wanted': Event;
  }
}

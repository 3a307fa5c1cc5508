import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { AppConfig } from '../config/config';
import { StageScaleController } from './stage-scale-controller';
import { appStyles } from './tv-app.styles';

/** The application root: a 1920×1080 lean-back stage scaled to whatever screen it runs on. */
@customElement('tv-app')
export class TvApp extends LitElement {
  static override styles = appStyles;

  /** The runtime configuration, loaded from `config.json` before the app is shown. */
  @property({ attribute: false }) config?: AppConfig;

  private readonly stage = new StageScaleController(this);

  override render() {
    return html`
      <div class="stage" style=${styleMap({ '--tv-stage-scale': String(this.stage.scale) })}>
        <header>
          <h1>${this.config?.appName ?? ''}</h1>
          <span class="version">v${__APP_VERSION__}</span>
        </header>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tv-app': TvApp;
  }
}

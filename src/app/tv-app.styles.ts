import { css } from 'lit';

export const appStyles = css`
  :host {
    display: block;
    position: fixed;
    top: 0;
    left: 0;
    right: 0;
    bottom: 0;
    overflow: hidden;
    background: var(--tv-color-background);
    color: var(--tv-color-text);
    font-family: var(--tv-font-family);
  }
  .stage {
    position: absolute;
    top: 50%;
    left: 50%;
    width: 1920px;
    height: 1080px;
    /* Scaled from the centre so 16:9 content letterboxes on odd viewports. */
    transform: translate(-50%, -50%) scale(var(--tv-stage-scale, 1));
    overflow: hidden;
  }
  /*
   * While the no-network notice shows, the screens end their scrolling lists above it, so it never
   * covers the focused row or tile: it used to hide the device screen's last rows, settings' last
   * licences and home's last rail. The space is the title-safe margin under the notice, its 98 px
   * panel and 24 px over it. A custom property, so it reaches into every screen's shadow root;
   * unset while online.
   */
  .stage[offline] {
    --tv-notice-space: calc(var(--tv-safe-top) + 98px + 24px);
  }
  /* Every screen fills the stage; these outrank a screen's own :host rules, so hiding always works. */
  .screen {
    position: absolute;
    top: 0;
    left: 0;
    width: 1920px;
    height: 1080px;
    overflow: hidden;
  }
  .screen[hidden] {
    display: none;
  }
`;

import { css } from 'lit';

export const appStyles = css`
  :host {
    display: block;
    position: fixed;
    inset: 0;
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
  header {
    position: absolute;
    top: var(--tv-safe-top);
    left: var(--tv-safe-side);
    right: var(--tv-safe-side);
    display: flex;
    align-items: baseline;
    justify-content: space-between;
  }
  h1 {
    margin: 0;
    font-size: var(--tv-font-size-title);
    font-weight: 600;
  }
  .version {
    font-size: var(--tv-font-size-small);
    color: var(--tv-color-text-muted);
  }
`;

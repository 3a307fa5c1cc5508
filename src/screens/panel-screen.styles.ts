import { css } from 'lit';

/**
 * The tester-facing screens (device, approval): a padded page of info cards under a title. Its own
 * file, apart from the shell screens' `screenStyles`, so it loads with those screens, not at start-up.
 */
export const panelScreenStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    padding: var(--tv-safe-top, 54px) var(--tv-safe-side, 96px);
    /* Above the no-network notice while it shows (the shell sets the space), so it covers no row. */
    padding-bottom: calc(var(--tv-safe-top, 54px) + var(--tv-notice-space, 0px));
    background: var(--tv-color-background, #14161c);
    color: var(--tv-color-text, #f2f3f5);
    font-family: var(--tv-font-family, sans-serif);
    font-size: var(--tv-font-size-body, 32px);
  }
  /* Placed and weighted like the shell screens' header title, so no title jumps between screens. */
  h1 {
    display: flex;
    align-items: center;
    height: 88px;
    margin: 0 0 18px;
    font-size: var(--tv-font-size-title, 56px);
    font-weight: 700;
  }
`;

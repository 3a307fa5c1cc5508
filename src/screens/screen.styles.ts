import { css } from 'lit';

/** What the shell's screens share: a header inside the safe area (tv-app sizes and places every screen). */
export const screenStyles = css`
  :host {
    display: block;
  }
  .screen-header {
    position: absolute;
    top: var(--tv-safe-top);
    left: var(--tv-safe-side);
    right: var(--tv-safe-side);
    height: 88px;
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  h1 {
    margin: 0;
    font-size: var(--tv-font-size-title);
    font-weight: 700;
  }
`;

/** The tester-facing screens (device, approval): a padded page of info cards under a title. */
export const panelScreenStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    padding: var(--tv-safe-top, 54px) var(--tv-safe-side, 96px);
    background: var(--tv-color-background, #14161c);
    color: var(--tv-color-text, #f2f3f5);
    font-family: var(--tv-font-family, sans-serif);
    font-size: var(--tv-font-size-body, 32px);
  }
  h1 {
    margin: 0 0 40px;
    font-size: var(--tv-font-size-title, 56px);
    font-weight: 600;
  }
`;

import { css } from 'lit';

export const settingsStyles = css`
  /* Ends above the no-network notice while it shows (the shell sets the space), so it covers no row. */
  .viewport {
    position: absolute;
    top: 170px;
    bottom: var(--tv-notice-space, 0px);
    left: 0;
    right: 0;
    overflow: hidden;
  }
  .track {
    position: relative;
    width: 1160px;
    padding: 8px var(--tv-safe-side) var(--tv-safe-top);
    transition: transform var(--tv-motion) ease-out;
  }
  /* A still picture beside the list, so the screen doesn't read as half empty. */
  .app-card {
    position: absolute;
    top: 194px;
    right: var(--tv-safe-side);
    width: 480px;
  }
  /* Right to left the list starts at the right edge, so the card goes to the left, not under it. */
  :host-context([dir='rtl']) .app-card {
    right: auto;
    left: var(--tv-safe-side);
  }
  .app-card tv-artwork {
    height: 270px;
    border-radius: var(--tv-radius);
  }
  .app-name {
    margin: 28px 0 0;
    font-size: var(--tv-font-size-title);
    font-weight: 700;
  }
  .app-version {
    margin: 8px 0 0;
    font-size: var(--tv-font-size-body);
    color: var(--tv-color-text-muted);
  }
  h2 {
    margin: 40px 0 16px;
    font-size: var(--tv-font-size-small);
    font-weight: 600;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--tv-color-text-muted);
  }
  h2:first-child {
    margin-top: 0;
  }
  /* Grid rather than flex gap: works on old engines and mirrors in RTL. */
  .row {
    display: grid;
    grid-template-columns: auto 1fr;
    grid-column-gap: 32px;
    align-items: center;
    min-height: 84px;
    box-sizing: border-box;
    padding: 0 32px;
    margin-bottom: 10px;
    border-radius: var(--tv-radius);
    background: var(--tv-color-surface);
    font-size: var(--tv-font-size-body);
    outline: none;
    transition:
      transform var(--tv-motion) ease-out,
      background-color var(--tv-motion) ease-out;
  }
  .row[focused] {
    background: var(--tv-color-surface-raised);
    box-shadow: 0 0 0 var(--tv-focus-ring-width) var(--tv-focus-ring);
    transform: scale(1.02);
  }
  .value {
    color: var(--tv-color-text-muted);
    text-align: end;
  }
  .link {
    cursor: pointer;
  }
  .chevron {
    text-align: end;
    font-size: 48px;
    line-height: 1;
    color: var(--tv-color-text-muted);
  }
`;

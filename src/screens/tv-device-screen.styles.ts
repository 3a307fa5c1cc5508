import { css } from 'lit';

export const deviceScreenStyles = css`
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
    overflow: hidden;
  }
  h1 {
    margin: 0 0 40px;
    font-size: var(--tv-font-size-title, 56px);
    font-weight: 600;
  }
  .cards {
    display: grid;
    grid-template-columns: 1fr 1fr;
    grid-gap: 40px;
    align-items: start;
  }
  section {
    padding: 32px 40px;
    border-radius: 16px;
    background: var(--tv-color-surface, #20232c);
  }
  h2 {
    margin: 0 0 24px;
    font-size: var(--tv-font-size-small, 26px);
    font-weight: 600;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--tv-color-accent, #4f8cff);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    grid-column-gap: 32px;
    grid-row-gap: 14px;
    margin: 0;
  }
  dt {
    color: var(--tv-color-text-muted, #a3a8b5);
    font-size: var(--tv-font-size-small, 26px);
    line-height: 40px;
  }
  dd {
    margin: 0;
    line-height: 40px;
    overflow-wrap: break-word;
    word-wrap: break-word;
    min-width: 0;
  }
  .muted {
    color: var(--tv-color-text-muted, #a3a8b5);
  }
  .good {
    color: #5fd38d;
  }
  .bad {
    color: #ff8a80;
  }
  .registration {
    grid-column: 1 / -1;
  }
`;

import { css } from 'lit';

export const registrationStatusStyles = css`
  :host {
    display: block;
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
`;

import { css } from 'lit';

/**
 * The tester-facing cards of label/value rows (device screen, registration status, approval):
 * one look, so a new section matches without copying it.
 */
export const infoCardStyles = css`
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
  dd.good {
    color: #5fd38d;
  }
  dd.bad {
    color: #ff8a80;
  }
`;

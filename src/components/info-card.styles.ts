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
  dt,
  .label {
    color: var(--tv-color-text-muted, #a3a8b5);
    font-size: var(--tv-font-size-small, 26px);
    line-height: 40px;
  }
  dd,
  .value {
    margin: 0;
    line-height: 40px;
    overflow-wrap: break-word;
    min-width: 0;
  }
  /* Rows of a fixed label column rather than one grid: each row is its own focusable box. */
  .row {
    display: grid;
    grid-template-columns: 200px 1fr;
    grid-column-gap: 32px;
    align-items: baseline;
    margin: 0 -16px;
    padding: 7px 16px;
    border-radius: 10px;
    outline: none;
  }
  .row[focused] {
    background: var(--tv-color-surface-raised, #2c303c);
    box-shadow: 0 0 0 var(--tv-focus-ring-width, 5px) var(--tv-focus-ring, #ffffff);
  }
  .muted {
    color: var(--tv-color-text-muted, #a3a8b5);
  }
  .value.good {
    color: var(--tv-color-good, #5fd38d);
  }
  .value.bad {
    color: var(--tv-color-bad, #ff8a80);
  }
`;

import { css } from 'lit';
import { infoCardStyles } from '../components/info-card.styles';
import { panelScreenStyles } from './panel-screen.styles';

export const approvalScreenStyles = [
  panelScreenStyles,
  infoCardStyles,
  css`
    /* Border-box, so the card's right edge lines up with the field and Send below it. */
    section {
      box-sizing: border-box;
      max-width: 1320px;
      margin-bottom: 40px;
    }
    dt,
    dd,
    label {
      line-height: 44px;
    }
    label {
      color: var(--tv-color-text-muted, #a3a8b5);
      font-size: var(--tv-font-size-small, 26px);
    }
    .identifier {
      font-family: monospace;
      letter-spacing: 0.06em;
    }
    .entry {
      display: grid;
      grid-template-columns: 1fr max-content;
      grid-gap: 24px;
      max-width: 1320px;
      margin-bottom: 40px;
    }
    .entry label {
      grid-column: 1 / -1;
    }
    input,
    button {
      box-sizing: border-box;
      height: 80px;
      border: none;
      border-radius: var(--tv-radius, 14px);
      font: inherit;
      outline: none;
      transition: box-shadow var(--tv-motion, 180ms) ease-out;
    }
    input {
      min-width: 0;
      padding: 0 28px;
      background: var(--tv-color-surface-raised, #2c303c);
      color: var(--tv-color-text, #f2f3f5);
    }
    /* Dark text on the accent: light text on it is 2.9:1, under what low-vision viewers need. */
    button {
      padding: 0 48px;
      background: var(--tv-color-accent, #4f8cff);
      color: var(--tv-color-background, #14161c);
      font-weight: 600;
      cursor: pointer;
    }
    /* The engine's mark, not :focus: a pointer click elsewhere takes browser focus, not the mark. */
    input[focused],
    button[focused] {
      box-shadow: 0 0 0 var(--tv-focus-ring-width, 5px) var(--tv-focus-ring, #ffffff);
    }
    .result {
      max-width: 1320px;
      min-height: 120px;
    }
    .result p {
      margin: 0 0 16px;
      overflow-wrap: break-word;
    }
    /* The server's own text on approval can be of any length: four whole lines at most, so it
       stays inside the safe area (and Try again, on the results that offer it, stays on screen). */
    .detail {
      line-height: 1.4;
      max-height: 5.6em;
      overflow: hidden;
    }
    .title {
      font-size: var(--tv-font-size-heading, 38px);
      font-weight: 600;
    }
    .good .title {
      color: var(--tv-color-good, #5fd38d);
    }
    .bad .title {
      color: var(--tv-color-bad, #ff8a80);
    }
  `,
];

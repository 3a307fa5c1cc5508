import { css } from 'lit';
import { infoCardStyles } from '../components/info-card.styles';

export const deviceScreenStyles = [
  infoCardStyles,
  css`
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
    .registration {
      grid-column: 1 / -1;
    }
  `,
];

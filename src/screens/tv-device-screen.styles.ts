import { css } from 'lit';
import { infoCardStyles } from '../components/info-card.styles';
import { panelScreenStyles } from './panel-screen.styles';

export const deviceScreenStyles = [
  panelScreenStyles,
  infoCardStyles,
  css`
    /* The title stays; the cards below it scroll within the safe area. */
    :host {
      overflow: hidden;
      display: flex;
      flex-direction: column;
    }
    h1 {
      flex: none;
    }
    .viewport {
      flex: 1 1 auto;
      min-height: 0;
      overflow: hidden;
    }
    .cards {
      position: relative;
      transition: transform var(--tv-motion, 0ms) ease-out;
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

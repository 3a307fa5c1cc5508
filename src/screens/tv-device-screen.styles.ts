import { css } from 'lit';
import { infoCardStyles } from '../components/info-card.styles';
import { panelScreenStyles } from './panel-screen.styles';

export const deviceScreenStyles = [
  panelScreenStyles,
  infoCardStyles,
  css`
    :host {
      overflow: hidden;
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

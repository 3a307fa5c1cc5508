import { css } from 'lit';
import { infoCardStyles } from '../components/info-card.styles';

export const registrationStatusStyles = [
  infoCardStyles,
  css`
    :host {
      display: block;
    }
  `,
];

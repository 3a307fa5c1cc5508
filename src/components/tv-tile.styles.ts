import { css } from 'lit';

export const tileStyles = css`
  :host {
    display: block;
    width: 384px;
    outline: none;
  }
  :host([layout='poster']) {
    width: 240px;
  }
  .card {
    position: relative;
    height: 216px;
    border-radius: var(--tv-radius);
    overflow: hidden;
    background: var(--tv-color-surface);
    /* Always scaled, so focusing changes the scale's value rather than adding one: a new
       transform made the engine lay the tile out again and repaint all of it. */
    transform: scale(1);
    /* With motion on, only the scale glides: the engine animates it off the main thread. A
       gliding shadow would repaint the tile in every frame of the move. */
    transition: transform var(--tv-motion) ease-out;
  }
  :host([layout='poster']) .card {
    height: 360px;
  }
  /* Scale the card, not the host: the host's box is what focus geometry and rail scrolling measure. */
  :host([focused]) .card {
    transform: scale(var(--tv-focus-scale));
    box-shadow:
      0 0 0 var(--tv-focus-ring-width) var(--tv-focus-ring),
      0 18px 40px rgba(6, 8, 12, 0.6);
  }
  :host([aria-disabled='true']) .card {
    opacity: 0.45;
  }
  .art {
    position: absolute;
    top: 0;
    left: 0;
    width: 100%;
    height: 100%;
  }
  .caption {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    padding: 48px 20px 16px;
    /* Fades in above the text and is near-solid behind it, so muted text keeps 4.5:1 over the brightest artwork. */
    background: linear-gradient(to bottom, rgba(14, 16, 22, 0), rgba(14, 16, 22, 0.95) 45%);
  }
  .title,
  .subtitle {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .title {
    font-size: 28px;
    font-weight: 600;
    line-height: 1.2;
  }
  /* No smaller than 24 px: the least that reads from the sofa at 1080p. */
  .subtitle {
    margin-top: 4px;
    font-size: var(--tv-font-size-small);
    color: var(--tv-color-text-muted);
  }
  /* A flex row, so the badge sits at the start corner in both LTR and RTL. */
  .badges {
    position: absolute;
    top: 14px;
    left: 14px;
    right: 14px;
    display: flex;
  }
  .badge {
    padding: 6px 14px;
    border-radius: 999px;
    font-size: 24px;
    font-weight: 600;
    background: var(--tv-color-warning);
    color: var(--tv-color-background);
  }
`;

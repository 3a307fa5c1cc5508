import { css } from 'lit';

/** What the shell's screens share: a header inside the safe area (tv-app sizes and places every screen). */
export const screenStyles = css`
  :host {
    display: block;
  }
  .screen-header {
    position: absolute;
    top: var(--tv-safe-top);
    left: var(--tv-safe-side);
    right: var(--tv-safe-side);
    height: 88px;
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  /* One line whatever the app's name: a long name wrapped over the hero and squeezed the buttons. */
  h1 {
    min-width: 0;
    margin: 0 48px 0 0;
    font-size: var(--tv-font-size-title);
    font-weight: 700;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* Right to left the title comes first at the right edge: its gap to the buttons goes on its left. */
  :host-context([dir='rtl']) h1 {
    margin: 0 0 0 48px;
  }
`;

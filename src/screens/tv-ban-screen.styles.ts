import { css } from 'lit';

export const banScreenStyles = css`
  :host {
    display: none;
  }
  /* CONTRACT §4: opaque pure black above everything; the only #000 surface in the app. */
  :host([active]) {
    display: flex;
    position: fixed;
    top: 0;
    left: 0;
    width: 100%;
    height: 100%;
    z-index: 2147483647;
    align-items: center;
    justify-content: center;
    background: #000;
    color: #fff;
    outline: none;
    cursor: default;
  }
  /* Sized in viewport units so the message reads the same at 1280×720 and 1920×1080. */
  .message {
    margin: 0;
    max-width: 70vw;
    max-height: 80vh;
    overflow: hidden;
    font-family: var(--tv-font-family, sans-serif);
    font-size: 4.4vh; /* the first of tv-ban-screen.ts MESSAGE_SIZES_VH; smaller ones for a long message */
    line-height: 1.4;
    text-align: center;
    white-space: pre-line;
    overflow-wrap: break-word;
  }
`;

import { css } from 'lit';

export const railStyles = css`
  :host {
    display: block;
    padding-bottom: 8px;
  }
  /* One line: a long title wrapped up over the hero's text. */
  h2 {
    margin: 0 var(--tv-safe-side);
    font-size: var(--tv-font-size-heading);
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .viewport {
    position: relative;
    overflow: hidden;
  }
  /* Grid, not flex gap: a column gap in grid works on the oldest TV engines, and follows RTL. */
  .track {
    position: relative;
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: max-content;
    grid-column-gap: 32px;
    width: max-content;
    /* Room for the focused tile's scale and ring, which would otherwise be clipped. */
    padding: 28px var(--tv-safe-side);
    transition: transform var(--tv-motion) ease-out;
  }
  /* Pointer-only, and only toward where there is more to see. */
  .arrow {
    display: none;
    position: absolute;
    top: 50%;
    width: 72px;
    height: 72px;
    margin-top: -36px;
    border-radius: 50%;
    background: var(--tv-color-scrim);
    color: var(--tv-color-text);
    font-size: 56px;
    line-height: 64px;
    text-align: center;
    cursor: pointer;
  }
  /*
   * The app's pointer-mode attribute, matched from here: a switch restyles just the arrows. An
   * inherited custom property set on the app would restyle every element under it instead.
   */
  :host-context([pointer-mode]) .arrow {
    display: block;
  }
  /* Last, and at least as specific as the rule above on every engine, so it wins there too. */
  :host(:not([can-scroll-back])) .arrow.start,
  :host(:not([can-scroll-forward])) .arrow.end {
    display: none;
  }
  .arrow.start {
    left: 12px;
  }
  .arrow.end {
    right: 12px;
  }
  /* Right to left, the rail starts at the right: each arrow sits on the side it scrolls toward. */
  :host-context([dir='rtl']) .arrow.start {
    left: auto;
    right: 12px;
  }
  :host-context([dir='rtl']) .arrow.end {
    left: 12px;
    right: auto;
  }
`;

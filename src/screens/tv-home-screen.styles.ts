import { css } from 'lit';

export const homeStyles = css`
  /* Above the hero, which spans the top of the screen behind it. */
  .screen-header {
    z-index: 2;
  }
  /* The buttons keep their size; the app's name gives way. */
  nav {
    flex: none;
    display: grid;
    grid-auto-flow: column;
    grid-column-gap: 24px;
  }
  .hero {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    height: 560px;
  }
  .hero-art,
  .hero::after {
    position: absolute;
    top: 0;
    right: 0;
    width: 1100px;
    height: 100%;
  }
  /* Fades the artwork into the background behind the text: gradients work on every TV engine, masks don't. */
  /* 2 px past the artwork's faded edges: on a scaled stage (1280×720) an edge falls between two
     screen pixels, and a fade ending exactly there left a hairline of the artwork showing. */
  .hero::after {
    content: '';
    width: 1102px;
    height: calc(100% + 2px);
    background:
      linear-gradient(to right, var(--tv-color-background), rgba(20, 22, 28, 0) 55%),
      linear-gradient(to top, var(--tv-color-background), rgba(20, 22, 28, 0) 50%);
  }
  .hero-text {
    position: absolute;
    z-index: 1;
    top: 190px;
    left: var(--tv-safe-side);
    width: 960px;
  }
  /* Right to left the hero mirrors: its text at the right edge, where the rails' titles start,
     and the artwork at the left, fading toward the text. */
  :host-context([dir='rtl']) .hero-text {
    left: auto;
    right: var(--tv-safe-side);
  }
  :host-context([dir='rtl']) .hero-art,
  :host-context([dir='rtl']) .hero::after {
    left: 0;
    right: auto;
  }
  :host-context([dir='rtl']) .hero::after {
    background:
      linear-gradient(to left, var(--tv-color-background), rgba(20, 22, 28, 0) 55%),
      linear-gradient(to top, var(--tv-color-background), rgba(20, 22, 28, 0) 50%);
  }
  .hero h2 {
    margin: 0;
    font-size: var(--tv-font-size-hero);
    font-weight: 700;
    line-height: 1.1;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .meta {
    margin: 12px 0 0;
    font-size: var(--tv-font-size-small);
    color: var(--tv-color-accent);
    font-weight: 600;
  }
  /* Catalogue text of any length: the hero's subtitle is one line, like its title, so it never
     runs over the first rail or off the screen. */
  .hero .meta {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .description {
    margin: 16px 0 0;
    font-size: var(--tv-font-size-body);
    line-height: 1.4;
    color: var(--tv-color-text-muted);
    max-height: 2.8em;
    overflow: hidden;
    overflow-wrap: break-word;
  }
  .rails-viewport {
    position: absolute;
    top: 470px;
    left: 0;
    right: 0;
    bottom: 0;
    overflow: hidden;
  }
  /* The column steps from rail to rail without gliding: a gliding column has every tile of
     every rail painted for the animation, which made each Up and Down miss several frames. */
  .rails {
    position: relative;
  }
  /* Room after the last rail while the no-network notice shows (the shell sets the space), so the
     last rails scroll up to the top like the others instead of stopping under the notice. Content,
     not padding: the column follows its track's content size, which padding would not change. */
  .rails::after {
    content: '';
    display: block;
    height: var(--tv-notice-space, 0px);
  }
  /* A rail's own :host display rule would win over the browser's rule for hidden. */
  tv-rail[hidden] {
    display: none;
  }
  .empty {
    margin: 0 var(--tv-safe-side);
    font-size: var(--tv-font-size-body);
    color: var(--tv-color-text-muted);
  }
  .details {
    display: grid;
    /* minmax(0, …): one long word must not widen the text past the panel, cutting every line. */
    grid-template-columns: 384px minmax(0, 1fr);
    grid-column-gap: 40px;
  }
  .details-art {
    height: 216px;
    border-radius: var(--tv-radius);
  }
  .details p {
    margin: 0 0 16px;
    color: var(--tv-color-text);
    overflow-wrap: break-word;
  }
  /* Whole lines only: a long description ends on a line, not half-way through one. */
  .details .synopsis {
    max-height: 10.15em;
    overflow: hidden;
  }
  .details .meta {
    color: var(--tv-color-accent);
  }
  .details .note {
    font-size: var(--tv-font-size-small);
    color: var(--tv-color-text-muted);
  }
`;

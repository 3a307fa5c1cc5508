import { css } from 'lit';

export const dialogStyles = css`
  /* Fixed inside the transformed stage means: covering the stage. */
  :host {
    position: fixed;
    top: 0;
    left: 0;
    right: 0;
    bottom: 0;
    z-index: 10;
    display: flex;
    align-items: center;
    justify-content: center;
    background: var(--tv-color-scrim);
  }
  /* Whatever the text, the panel stays on the stage with its buttons in it: the heading and
     body give up lines, never the actions. */
  .panel {
    display: flex;
    flex-direction: column;
    overflow: hidden;
    box-sizing: border-box;
    width: 1040px;
    max-height: 860px;
    padding: 56px 64px;
    border-radius: 24px;
    background: var(--tv-color-surface);
    box-shadow: 0 30px 80px rgba(6, 8, 12, 0.7);
  }
  h2 {
    flex: none;
    max-height: 2.3em;
    overflow: hidden;
    margin: 0 0 24px;
    font-size: var(--tv-font-size-title);
    font-weight: 600;
    line-height: 1.15;
  }
  .body {
    flex: 1 1 auto;
    min-height: 0;
    overflow: hidden;
    font-size: var(--tv-font-size-body);
    line-height: 1.45;
    color: var(--tv-color-text-muted);
  }
  .actions {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: max-content;
    grid-column-gap: 28px;
    flex: none;
    justify-content: end;
    margin-top: 48px;
  }
`;

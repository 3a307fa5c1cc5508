/** Gives an element a layout box in unit tests (happy-dom does no layout); a test may lay it out again. */
export function lay(element: HTMLElement, box: { left?: number; top?: number; width?: number; height?: number }): HTMLElement {
  for (const [name, value] of Object.entries(box)) Object.defineProperty(element, `offset${name[0].toUpperCase()}${name.slice(1)}`, { value, configurable: true });
  return element;
}

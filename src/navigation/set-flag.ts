/**
 * Sets or removes a boolean attribute, leaving it untouched when it already says so (no mutation
 * record, no style invalidation). `toggleAttribute` with a force argument is Chromium 69+.
 */
export function setFlag(element: Element, name: string, on: boolean): void {
  if (on === element.hasAttribute(name)) return;
  if (on) element.setAttribute(name, '');
  else element.removeAttribute(name);
}

/** Sets an attribute to `value`, or removes it for undefined, writing only when it changes. */
export function setAttributeTo(element: Element, name: string, value: string | undefined): void {
  if (element.getAttribute(name) === (value ?? null)) return;
  if (value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

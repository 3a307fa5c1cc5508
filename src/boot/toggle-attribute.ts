/**
 * `Element.prototype.toggleAttribute` (DOM standard), which Chromium 69 added and Lit's boolean
 * attribute bindings (`?hidden=${…}`) call. core-js covers ECMAScript, not DOM methods, so this
 * is the whole, spec-shaped method.
 */
export function installToggleAttribute(proto: Element): void {
  if (typeof proto.toggleAttribute === 'function') return;
  proto.toggleAttribute = function toggleAttribute(this: Element, name: string, force?: boolean): boolean {
    const present = this.hasAttribute(name);
    const wanted = force === undefined ? !present : force;
    if (wanted && !present) this.setAttribute(name, '');
    if (!wanted && present) this.removeAttribute(name);
    return wanted;
  };
}

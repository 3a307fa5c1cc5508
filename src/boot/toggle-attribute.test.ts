import { describe, expect, it } from 'vitest';
import { installToggleAttribute } from './toggle-attribute';

/** An element whose prototype lacks toggleAttribute, as on Chromium 68. */
function oldEngineElement(): Element {
  const element = document.createElement('div');
  const proto = Object.create(Object.getPrototypeOf(element) as object) as Element;
  Object.defineProperty(proto, 'toggleAttribute', { value: undefined, writable: true });
  Object.setPrototypeOf(element, proto);
  installToggleAttribute(proto);
  return element;
}

describe('installToggleAttribute', () => {
  it('adds and removes the attribute in turn, returning whether it is now present', () => {
    const element = oldEngineElement();
    expect(element.toggleAttribute('hidden')).toBe(true);
    expect(element.getAttribute('hidden')).toBe('');
    expect(element.toggleAttribute('hidden')).toBe(false);
    expect(element.hasAttribute('hidden')).toBe(false);
  });

  it('with force, only ever adds or only ever removes, keeping an existing value', () => {
    const element = oldEngineElement();
    element.setAttribute('data-state', 'kept');
    expect(element.toggleAttribute('data-state', true)).toBe(true);
    expect(element.getAttribute('data-state')).toBe('kept');
    expect(element.toggleAttribute('data-state', false)).toBe(false);
    expect(element.toggleAttribute('data-state', false)).toBe(false);
    expect(element.hasAttribute('data-state')).toBe(false);
  });

  it('leaves a native toggleAttribute alone', () => {
    const proto = { toggleAttribute: () => true } as unknown as Element;
    const native = proto.toggleAttribute;
    installToggleAttribute(proto);
    expect(proto.toggleAttribute).toBe(native);
  });
});

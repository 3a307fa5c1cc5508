import { afterEach, describe, expect, it } from 'vitest';
import { createPlatform } from './create-platform';
import { installFakeTizen } from './emulation/fake-tizen';
import { installFakeWebos } from './emulation/fake-webos';

afterEach(() => {
  for (const name of ['tizen', 'webapis', 'PalmSystem', 'webOSSystem', 'PalmServiceBridge', '__tvFake']) delete (window as unknown as Record<string, unknown>)[name];
});

describe('createPlatform', () => {
  it('picks Tizen when window.tizen exists', () => {
    installFakeTizen();
    expect(createPlatform(window).name).toBe('tizen');
  });

  it('picks webOS when PalmSystem or webOSSystem exists', () => {
    installFakeWebos();
    expect(createPlatform(window).name).toBe('webos');
    delete (window as unknown as Record<string, unknown>).PalmSystem;
    expect(createPlatform(window).name).toBe('webos');
  });

  it('falls back to the desktop browser', () => {
    expect(createPlatform(window).name).toBe('desktop');
  });
});

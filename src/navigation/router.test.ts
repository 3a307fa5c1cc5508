import { describe, expect, it, vi } from 'vitest';
import { isRouteName, Router, routesForLaunch } from './router';

const routes = (router: Router) => router.entries.map((entry) => entry.route);

describe('Router', () => {
  it('starts on home and cannot go back from there', () => {
    const router = new Router();
    expect(router.current.route).toBe('home');
    expect(router.back()).toBe(false);
    expect(routes(router)).toEqual(['home']);
  });

  it('goes back through the screens in the order they were opened', () => {
    const router = new Router();
    router.navigate('settings');
    router.navigate('device');
    expect(router.back()).toBe(true);
    expect(router.current.route).toBe('settings');
    expect(router.back()).toBe(true);
    expect(router.current.route).toBe('home');
  });

  it('unwinds to a screen already in the history instead of stacking it twice', () => {
    const router = new Router();
    router.navigate('settings');
    const settings = router.current;
    router.navigate('device');
    router.navigate('settings');
    expect(routes(router)).toEqual(['home', 'settings']);
    expect(router.current).toBe(settings);
  });

  it('ignores going to the screen already shown', () => {
    const router = new Router();
    const listener = vi.fn();
    router.subscribe(listener);
    router.navigate('home');
    expect(listener).not.toHaveBeenCalled();
  });

  it('tells subscribers about changes until they unsubscribe', () => {
    const router = new Router();
    const listener = vi.fn();
    const unsubscribe = router.subscribe(listener);
    router.navigate('device');
    unsubscribe();
    router.back();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('gives each visit its own identity', () => {
    const router = new Router();
    router.navigate('device');
    const first = router.current.id;
    router.back();
    router.navigate('device');
    expect(router.current.id).not.toBe(first);
  });
});

describe('routesForLaunch', () => {
  it('opens the approval screen over home when launched with a magic link', () => {
    expect(routesForLaunch({ magicLink: 'abc' })).toEqual(['home', 'approval']);
    expect(routesForLaunch({ magicLink: '' })).toEqual(['home']);
    // Blank is no link to the approval service either: it would open a screen that sends nothing.
    expect(routesForLaunch({ magicLink: ' \n' })).toEqual(['home']);
    expect(routesForLaunch({})).toEqual(['home']);
  });
});

describe('isRouteName', () => {
  it('accepts only known screens', () => {
    expect(isRouteName('settings')).toBe(true);
    expect(isRouteName('admin')).toBe(false);
    expect(isRouteName(42)).toBe(false);
  });
});

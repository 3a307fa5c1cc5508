import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createLogger, errorMessage } from '../log/log';
import type { LaunchParams, Platform } from '../platform/platform';
import type { TvNavigateDetail } from './events';
import type { FocusController } from './focus-controller';
import { isWithin } from './focus-dom';
import { carriesMagicLink, isRouteName, Router, routesForLaunch, type RouteEntry, type RouteName } from './router';

const log = createLogger('router');

/**
 * Connects the router to the app: re-renders on every change, opens screens asked for with
 * `tv-navigate` or by a relaunch with a magic link, and moves focus with the history: into a
 * newly opened screen, and back to what was focused when returning to one.
 */
export class RouterController implements ReactiveController {
  /** The history stack; the host renders every entry and shows the top one. */
  readonly router = new Router();
  /** What had focus on each screen in the history when the viewer left it. */
  private readonly focusOnLeave = new Map<number, HTMLElement>();
  private shown?: RouteEntry;
  private stopFollowing?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly focus: FocusController,
    private readonly screenOf: (entry: RouteEntry) => HTMLElement | null | undefined,
  ) {
    host.addController(this);
    this.router.subscribe(this.onChange);
  }

  hostConnected(): void {
    window.addEventListener('tv-navigate', this.onNavigateEvent);
  }

  hostDisconnected(): void {
    window.removeEventListener('tv-navigate', this.onNavigateEvent);
    this.stopFollowing?.();
  }

  /** Opens `route` (or goes back to it when it is already in the history). */
  navigate(route: RouteName): void {
    this.router.navigate(route);
  }

  /** Goes to the previous screen; false on the first one. */
  back(): boolean {
    return this.router.back();
  }

  /** Starts where the launch parameters say and follows relaunches that carry a magic link. */
  followLaunches(platform: Platform): void {
    this.stopFollowing?.();
    this.router.reset(routesForLaunch(this.attempt(() => platform.launchParams(), 'launch parameters') ?? {}));
    this.stopFollowing = this.attempt(
      () =>
        platform.onRelaunch((params: LaunchParams) => {
          if (carriesMagicLink(params)) this.navigate('approval');
        }),
      'relaunch events',
    );
  }

  hostUpdate(): void {
    // Where focus is on the screen showing is where Back returns: taken before every update that
    // may hide that screen, not when another is asked for, because until the second script has
    // loaded the screen below stays up and in use.
    const shown = this.shown;
    const active = this.focus.active;
    const screen = shown && this.router.entries.indexOf(shown) >= 0 ? this.screenOf(shown) : undefined;
    if (shown && active && screen && isWithin(active, screen)) this.focusOnLeave.set(shown.id, active);
  }

  hostUpdated(): void {
    // A screen of the second script is not there until that script has loaded: the one below it
    // shows, with focus, until then, and focus moves in at the first update that renders it.
    const showing = this.showing();
    if (!showing || showing.entry === this.shown) return;
    const { entry, screen } = showing;
    this.shown = entry;
    const saved = this.focusOnLeave.get(entry.id);
    if (saved && this.focus.focus(saved, 'restore')) return;
    // A Lit screen renders its content after the app's update: wait for it before choosing.
    const rendered = (screen as Partial<{ updateComplete: Promise<unknown> }>).updateComplete ?? Promise.resolve();
    void rendered.then(() => {
      // The viewer may have moved focus into the screen while it was still loading: keep it.
      const active = this.focus.active;
      const settled = active && active.isConnected && isWithin(active, screen);
      if (this.shown === entry && !settled) this.focus.focusDefault(screen);
    });
  }

  /** The topmost screen of the history that is rendered: the one the viewer sees. */
  private showing(): { entry: RouteEntry; screen: HTMLElement } | undefined {
    const entries = this.router.entries;
    for (let index = entries.length - 1; index >= 0; index--) {
      const screen = this.screenOf(entries[index]);
      if (screen) return { entry: entries[index], screen };
    }
    return undefined;
  }

  private readonly onChange = (): void => {
    const alive = new Set(this.router.entries.map((entry) => entry.id));
    this.focusOnLeave.forEach((_, id) => alive.has(id) || this.focusOnLeave.delete(id));
    this.host.requestUpdate();
  };

  private readonly onNavigateEvent = (event: CustomEvent<TvNavigateDetail>): void => {
    const route = event.detail?.route;
    if (isRouteName(route)) this.navigate(route);
    else log.warn(`tv-navigate to unknown route ${JSON.stringify(route)} ignored`);
  };

  /** Platform calls can throw: the app then starts on home and ignores relaunches. */
  private attempt<T>(call: () => T, what: string): T | undefined {
    try {
      return call();
    } catch (error) {
      log.warn(`${what} unavailable (${errorMessage(error)}); going on without them`);
      return undefined;
    }
  }
}

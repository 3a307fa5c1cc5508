import { launchText } from '../platform/launch-params';
import type { LaunchParams } from '../platform/platform';

/** The screens the shell can show. */
export const ROUTES = ['home', 'device', 'approval', 'settings'] as const;
export type RouteName = (typeof ROUTES)[number];

/** One screen in the history; `id` tells two visits of the same route apart. */
export interface RouteEntry {
  readonly id: number;
  readonly route: RouteName;
}

export function isRouteName(value: unknown): value is RouteName {
  return typeof value === 'string' && (ROUTES as readonly string[]).includes(value);
}

/** Whether a launch carries a magic link, read as the approval service reads it (blank is none). */
export function carriesMagicLink(params: LaunchParams): boolean {
  return launchText(params.magicLink) !== undefined;
}

/**
 * Where a launch starts: a magic link opens the approval screen at once, over home, so Back
 * from it lands on home rather than leaving the app.
 */
export function routesForLaunch(params: LaunchParams): RouteName[] {
  return carriesMagicLink(params) ? ['home', 'approval'] : ['home'];
}

/**
 * A history stack of screens. Going to a screen already in the history goes back to it instead
 * of stacking a second copy, so Back never cycles through the same screens.
 */
export class Router {
  private stack: RouteEntry[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  constructor(initial: readonly RouteName[] = ['home']) {
    this.reset(initial);
  }

  /** The screen on top. */
  get current(): RouteEntry {
    return this.stack[this.stack.length - 1];
  }

  /** The whole history, bottom first. */
  get entries(): readonly RouteEntry[] {
    return this.stack;
  }

  get canGoBack(): boolean {
    return this.stack.length > 1;
  }

  /** Replaces the history; an empty list means home. */
  reset(routes: readonly RouteName[]): void {
    this.stack = (routes.length ? routes : ['home' as const]).map((route) => this.entry(route));
    this.notify();
  }

  /** Shows `route`: pushed on top, or unwound to where it already is in the history. */
  navigate(route: RouteName): void {
    if (this.current?.route === route) return;
    const existing = this.stack.findIndex((entry) => entry.route === route);
    if (existing >= 0) this.stack = this.stack.slice(0, existing + 1);
    else this.stack = [...this.stack, this.entry(route)];
    this.notify();
  }

  /** Goes to the previous screen; false (and nothing changes) on the first one. */
  back(): boolean {
    if (!this.canGoBack) return false;
    this.stack = this.stack.slice(0, -1);
    this.notify();
    return true;
  }

  /** Calls back after every change; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private entry(route: RouteName): RouteEntry {
    return { id: this.nextId++, route };
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}

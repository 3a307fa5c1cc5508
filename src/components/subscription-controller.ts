import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Anything that calls back on change and hands back an unsubscribe (connectivity, device state, feature flags). */
export interface Subscribable {
  subscribe(listener: () => void): () => void;
}

/**
 * Re-renders the host whenever a service reports a change, following the service itself when
 * the host is handed a different one, and letting go when the host leaves the page.
 */
export class SubscriptionController implements ReactiveController {
  private source?: Subscribable;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly sourceOf: () => Subscribable | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow(this.sourceOf());
  }

  hostUpdate(): void {
    this.follow(this.sourceOf());
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  private follow(next: Subscribable | undefined): void {
    if (next === this.source) return;
    this.unsubscribe?.();
    this.source = next;
    this.unsubscribe = next?.subscribe(() => this.host.requestUpdate());
  }
}

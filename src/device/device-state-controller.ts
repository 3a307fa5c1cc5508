import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeviceState, DeviceStateSource } from './device-state';

/**
 * Re-renders its host whenever device state changes. The source is read through a getter
 * because hosts receive it as a property after construction; a new source is picked up on the
 * host's next update.
 */
export class DeviceStateController implements ReactiveController {
  /** The latest state, or undefined until the host has a source. */
  state?: DeviceState;
  private source?: DeviceStateSource;
  private unsubscribe?: () => void;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getSource: () => DeviceStateSource | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow(this.getSource());
  }

  hostUpdate(): void {
    this.follow(this.getSource());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow(undefined);
  }

  private follow(source: DeviceStateSource | undefined): void {
    const next = this.connected ? source : undefined;
    if (next === this.source) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.source = next;
    this.state = next?.state;
    if (next) {
      this.unsubscribe = next.subscribe((state) => {
        this.state = state;
        this.host.requestUpdate();
      });
    }
  }
}

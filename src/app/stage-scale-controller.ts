import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The design canvas every screen is laid out on; TVs report 1920×1080 or 1280×720. */
export const STAGE = { width: 1920, height: 1080 } as const;

/** Keeps `scale` equal to the factor that fits the 1920×1080 stage into the viewport. */
export class StageScaleController implements ReactiveController {
  /** Current stage scale factor. */
  scale = 1;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  private readonly update = (): void => {
    const next = Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height) || 1;
    if (next !== this.scale) {
      this.scale = next;
      this.host.requestUpdate();
    }
  };

  hostConnected(): void {
    this.update();
    window.addEventListener('resize', this.update);
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this.update);
  }
}

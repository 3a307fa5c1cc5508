/** What a fake TV reports; everything is optional and has a plausible default. */
export interface FakeTvOptions {
  /** The MAC the platform reports, in any common notation. */
  mac?: string;
  firmware?: string;
  model?: string;
  /** Tizen DUID / webOS LGUDID. */
  duid?: string;
  /** Tizen platform version / webOS SDK version. */
  osVersion?: string;
  /** Launch parameters (Tizen app control data, webOS `launchParams`). */
  launchParams?: Record<string, string>;
  /** The MAC read is refused, as without the privilege or the viewer's agreement. */
  refuseMac?: boolean;
  /** webOS only: Luna never answers (Tizen's product API is synchronous and cannot hang). */
  hang?: boolean;
}

/** `window.__tvFake`: lets a tester or a test drive the fake TV and see what the app asked of it. */
export interface TvFakeControl {
  platform: 'tizen' | 'webos';
  /** Platform calls worth asserting, in order: `exit`, `registerKeys`, `activate`. */
  calls: string[];
  /** Relaunches the running app with new parameters (Tizen `appcontrol`, webOS `webOSRelaunch`). */
  relaunch(params: Record<string, string>): void;
  /** Fires the platform's own network signal. */
  setNetwork(connected: boolean): void;
}

declare global {
  interface Window {
    __tvFake?: TvFakeControl;
  }
}

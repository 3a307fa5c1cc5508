/** Which TV platform (or none) the app runs on. */
export type PlatformName = 'tizen' | 'webos' | 'desktop';

/** Parameters the app was launched (or relaunched) with, e.g. `magicLink`, `userToken`. */
export type LaunchParams = Record<string, string>;

/**
 * The small edge between the app and a TV's platform APIs. Every read resolves within a
 * bounded time and never rejects: `undefined` means the platform refused, threw or was silent.
 */
export interface Platform {
  readonly name: PlatformName;
  /** `device_os`: `Tizen`, `webOS`, or the desktop OS name. */
  readonly osName: string;
  /** `Samsung` / `LG` on a TV. */
  readonly brand?: string;
  readMac(): Promise<string | undefined>;
  readFirmware(): Promise<string | undefined>;
  readModel(): Promise<string | undefined>;
  /** Tizen DUID / webOS LGUDID. */
  readUniqueId(): Promise<string | undefined>;
  /** Platform (OS) version: Tizen platform version, webOS SDK version. */
  readOsVersion(): Promise<string | undefined>;
  /** The parameters of the launch that started the app. */
  launchParams(): LaunchParams;
  /** Calls back on a relaunch while running (webOS `webOSRelaunch`, Tizen `appcontrol`); returns an unsubscribe. */
  onRelaunch(listener: (params: LaunchParams) => void): () => void;
  /** The platform's own connectivity signal, where it has one; returns an unsubscribe. */
  onNetworkChange(listener: (online: boolean) => void): () => void;
  /** Asks the TV to deliver the colour and media keys (Tizen needs this; others ignore it). */
  registerKeys(): void;
  /** Leaves the app the way the platform's store rules ask. */
  exit(): void;
}

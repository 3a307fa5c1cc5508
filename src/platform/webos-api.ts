/** The parts of LG's `PalmSystem` / `webOSSystem` and `PalmServiceBridge` the app uses (PLATFORMS.md). */
export interface WebOsSystem {
  launchParams?: string;
  deviceInfo?: string;
  platformBack?(): void;
  activate?(): void;
}

/** Luna's only transport in a web app: one bridge per request, answers as JSON text. */
export interface PalmServiceBridge {
  onservicecallback: ((message: string) => void) | null;
  call(uri: string, params: string): void;
  cancel?(): void;
}

/** The window as seen on an LG TV. */
export interface WebOsWindow extends Window {
  PalmSystem?: WebOsSystem;
  webOSSystem?: WebOsSystem;
  PalmServiceBridge?: new () => PalmServiceBridge;
}

/** The Luna services the app calls. */
export const LUNA = {
  systemInfo: 'luna://com.webos.service.tv.systemproperty/getSystemInfo',
  deviceIds: 'luna://com.webos.service.sm/deviceid/getIDs',
  connectionInfo: 'luna://com.webos.service.connectionmanager/getinfo',
  connectionStatus: 'luna://com.palm.connectionmanager/getStatus',
} as const;

/** The parts of Samsung's `tizen` and `webapis` globals the app uses (PLATFORMS.md). */
export interface TizenAppControlData {
  key: string;
  value: string[];
}

export interface TizenApplication {
  exit(): void;
  getRequestedAppControl(): { appControl: { data: TizenAppControlData[] } } | null;
}

export interface TizenApi {
  application: { getCurrentApplication(): TizenApplication };
  tvinputdevice?: {
    getSupportedKeys(): Array<{ name: string; code: number }>;
    registerKey(name: string): void;
    registerKeyBatch?(names: string[], onSuccess?: () => void, onError?: (error: unknown) => void): void;
  };
  systeminfo?: { getCapability(key: string): unknown };
}

/**
 * The `webapis.network.NetworkState` values that tell whether the TV has a network: the gateway's.
 * Samsung's numbers, used where the enum is missing. The others (LAN cable 1–3, Wi-Fi module 6–8)
 * say which link changed, not whether a network is left: a TV drops its cable and goes on by Wi-Fi.
 */
export const TIZEN_NETWORK_STATE = { GATEWAY_CONNECTED: 4, GATEWAY_DISCONNECTED: 5 } as const;

export interface WebApis {
  network?: {
    getMac(): string;
    addNetworkStateChangeListener?(listener: (state: number) => void): number;
    removeNetworkStateChangeListener?(id: number): void;
    NetworkState?: Partial<typeof TIZEN_NETWORK_STATE>;
  };
  productinfo?: {
    getFirmware(): string;
    getDuid(): string;
    getModel(): string;
    getRealModel?(): string;
  };
}

/** The window as seen on a Samsung TV. */
export interface TizenWindow extends Window {
  tizen?: TizenApi;
  webapis?: WebApis;
}

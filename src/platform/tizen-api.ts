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

/** `webapis.network.NetworkState` values; the numbers are Samsung's, used where the enum is missing. */
export const TIZEN_NETWORK_STATE = { INTERNET_CONNECTED: 1, INTERNET_DISCONNECTED: 2, GATEWAY_CONNECTED: 4, GATEWAY_DISCONNECTED: 5 } as const;

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

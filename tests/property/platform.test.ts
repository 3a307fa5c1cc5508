import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeApprovalDevice } from '../../src/approval/approval-request';
import { DEFAULT_CONFIG } from '../../src/config/config';
import { buildDeviceFields, type DeviceFields } from '../../src/device/device-fields';
import { resolveDeviceIdentity } from '../../src/device/resolve-device-identity';
import { MemoryStore } from '../../src/device/test-support';
import { parseLaunchJson, queryLaunchParams, toLaunchParams } from '../../src/platform/launch-params';
import type { Platform } from '../../src/platform/platform';
import { createTizenPlatform } from '../../src/platform/tizen-platform';
import type { TizenWindow } from '../../src/platform/tizen-api';
import { createWebOsPlatform } from '../../src/platform/webos-platform';
import type { WebOsWindow } from '../../src/platform/webos-api';
import type { KeyValueStore } from '../../src/storage/store';
import { expectPrototypesClean, hostileJson, hostileString, POLLUTING_KEYS, PROPERTY_TIMEOUT_MS } from './hostile';

/** Seed 000's six fields: the API refuses any of them empty. */
const SIX_FIELDS: ReadonlyArray<keyof DeviceFields> = ['mac_address', 'device_os', 'device_version', 'device_type', 'app_version', 'app_name'];

/** What a TV API call can do: answer anything, or throw. */
type Answer = { throws: true } | { throws: false; value: unknown };
const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ throws: fc.constant(false as const), value: fc.oneof(hostileString, hostileJson(), fc.constantFrom('5c:49:7d:01:02:03', 'T-KTM-1300.1', 'QE65S95C', undefined, null, 7, {}, [])) }),
  fc.constant({ throws: true as const }),
);
const call = (a: Answer) => (): never | unknown => {
  if (a.throws) throw new Error('SecurityError: privilege missing');
  return a.value;
};

const memoryStore = (): KeyValueStore => new MemoryStore();

const windowBase = (search = ''): Record<string, unknown> => ({
  location: { search, href: `https://tv.example/${search}` },
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  document: { addEventListener: () => undefined, removeEventListener: () => undefined },
  close: () => undefined,
});

/** Every read of a platform resolves, to text or nothing: that is the Platform contract the app builds on. */
async function expectReadsAreText(platform: Platform): Promise<void> {
  for (const read of [platform.readMac, platform.readFirmware, platform.readModel, platform.readUniqueId, platform.readOsVersion]) {
    const value = await read.call(platform);
    expect(value === undefined || typeof value === 'string', `${read.name} gave ${typeof value}`).toBe(true);
  }
  const params = platform.launchParams();
  expect(Object.values(params).every((value) => typeof value === 'string')).toBe(true);
}

/** From the platform's answers to what the device API and approval send: never a crash, never an empty field. */
async function expectIdentityUsable(platform: Platform): Promise<void> {
  const identity = await resolveDeviceIdentity(platform, memoryStore());
  expect(identity.mac).toMatch(/^[0-9A-F]{12}$/);
  const fields = buildDeviceFields(identity, { name: 'tv-app', version: '1.0.0' }, 'plain');
  for (const name of SIX_FIELDS) expect(typeof fields[name] === 'string' && fields[name].trim() !== '', name).toBe(true);
  const approval = describeApprovalDevice(identity, DEFAULT_CONFIG, '1.0.0');
  expect(typeof approval.deviceName).toBe('string');
}

describe('TV platform answers under hostile input (CONTRACT §6)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('Tizen: whatever webapis and tizen answer or throw, reads give text or nothing and the identity is usable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 8, maxLength: 8 }), fc.option(hostileJson(['key', 'value', 'magicLink']), { nil: undefined }), async (answers, appControlData) => {
        const [mac, firmware, duid, model, realModel, capability, appControl, exitCall] = answers.map(call);
        const win = {
          ...windowBase(),
          webapis: { network: { getMac: mac }, productinfo: { getFirmware: firmware, getDuid: duid, getModel: model, getRealModel: realModel } },
          tizen: {
            application: { getCurrentApplication: () => ({ exit: exitCall, getRequestedAppControl: () => (appControlData === undefined ? appControl() : { appControl: { data: appControlData } }) }) },
            systeminfo: { getCapability: capability },
          },
        } as unknown as TizenWindow;
        const platform = createTizenPlatform(win);
        await expectReadsAreText(platform);
        await expectIdentityUsable(platform);
        expectPrototypesClean();
      }),
      {
        numRuns: 300,
        // getFirmware answering a number (and getDuid a boolean) instead of a string.
        examples: [[[{ throws: true }, { throws: false, value: 1300 }, { throws: false, value: false }, { throws: true }, { throws: true }, { throws: true }, { throws: true }, { throws: true }], undefined]],
      },
    );
  });

  it('webOS: whatever Luna and PalmSystem answer, reads give text or nothing and the identity is usable', async () => {
    const lunaText = fc.oneof(hostileString, hostileJson(['returnValue', 'modelName', 'firmwareVersion', 'sdkVersion', 'idList', 'idType', 'idValue', 'wiredInfo', 'wifiInfo', 'macAddress'], ['LGUDID', true, false, 'aa:bb:cc:dd:ee:ff']).map((value) => JSON.stringify(value) ?? 'null'));
    await fc.assert(
      fc.asyncProperty(fc.array(lunaText, { minLength: 3, maxLength: 3 }), fc.option(hostileString, { nil: undefined }), fc.option(hostileString, { nil: undefined }), async (replies, deviceInfo, launchParams) => {
        let next = 0;
        class Bridge {
          onservicecallback: ((message: string) => void) | null = null;
          call(): void {
            const reply = replies[next++ % replies.length]!;
            queueMicrotask(() => this.onservicecallback?.(reply));
          }
        }
        const win = { ...windowBase(), PalmSystem: { deviceInfo, launchParams }, PalmServiceBridge: Bridge } as unknown as WebOsWindow;
        const platform = createWebOsPlatform(win);
        await expectReadsAreText(platform);
        await expectIdentityUsable(platform);
        expectPrototypesClean();
      }),
      { numRuns: 300 },
    );
  });

  it('launch parameters from JSON, objects or a query string are plain text values and pollute nothing', () => {
    fc.assert(
      fc.property(hostileJson(['magicLink', 'userToken', ...POLLUTING_KEYS], ['ml_123', 7, true]), hostileString, (raw, text) => {
        for (const params of [toLaunchParams(raw), parseLaunchJson(JSON.stringify(raw)), parseLaunchJson(text), queryLaunchParams(text)]) {
          expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
          expect(Object.values(params).every((value) => typeof value === 'string')).toBe(true);
        }
        expectPrototypesClean();
      }),
      { numRuns: 500 },
    );
  });
});

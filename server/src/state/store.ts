import { randomBytes } from 'node:crypto';
import { deviceKey } from '../mac.js';
import {
  emptyState,
  type Approval,
  type Device,
  type DeviceFields,
  type MagicLink,
  type PersistedState,
  type Registration,
  type Settings,
} from './model.js';

/** The server's memory. Every mutation goes through here and calls `changed`, which is how
 * the state file learns it must be written. */
export class Store {
  private data: PersistedState;

  constructor(
    initial: PersistedState,
    private readonly changed: () => void,
  ) {
    this.data = initial;
  }

  get state(): Readonly<PersistedState> {
    return this.data;
  }

  get settings(): Readonly<Settings> {
    return this.data.settings;
  }

  reset(): void {
    this.data = emptyState();
    this.changed();
  }

  updateSettings(patch: Partial<Settings>): Settings {
    this.data.settings = { ...this.data.settings, ...patch };
    this.changed();
    return this.data.settings;
  }

  /** Seed 000: an existing MAC is updated with the new information; its ban stays. */
  upsertDevice(fields: DeviceFields, now: Date): Device {
    const time = now.toISOString();
    const existing = this.findDevice(fields.mac_address);
    const device: Device = existing
      ? { ...existing, ...fields, updated_at: time }
      : { key: deviceKey(fields.mac_address), ...fields, created_at: time, updated_at: time, last_check_at: null, banned: false, ban_message: null };
    this.data.devices = existing ? this.data.devices.map((d) => (d === existing ? device : d)) : [...this.data.devices, device];
    this.changed();
    return device;
  }

  findDevice(identifier: string): Device | undefined {
    const key = deviceKey(identifier);
    return this.data.devices.find((d) => d.key === key);
  }

  recordCheck(device: Device, now: Date): void {
    device.last_check_at = now.toISOString();
    this.changed();
  }

  /** `message` null lifts the ban. */
  setBan(identifier: string, message: string | null): Device | undefined {
    const device = this.findDevice(identifier);
    if (!device) return undefined;
    device.banned = message !== null;
    device.ban_message = message;
    this.changed();
    return device;
  }

  deleteDevice(identifier: string): boolean {
    const device = this.findDevice(identifier);
    if (!device) return false;
    this.data.devices = this.data.devices.filter((d) => d !== device);
    this.data.approvals = this.data.approvals.filter((a) => a.key !== device.key);
    this.changed();
    return true;
  }

  /** Adds `registration`, dropping the ones it supersedes (the same app renewing). */
  addRegistration(registration: Registration, superseded: readonly Registration[]): void {
    this.data.registrations = [...this.data.registrations.filter((r) => !superseded.includes(r)), registration];
    this.changed();
  }

  createMagicLink(lifetimeSeconds: number, now: Date): MagicLink {
    const link: MagicLink = {
      link: `ml_${randomBytes(12).toString('hex')}`,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + lifetimeSeconds * 1000).toISOString(),
      used_at: null,
    };
    this.data.magicLinks = [...this.data.magicLinks, link];
    this.changed();
    return link;
  }

  /** The link when it exists, is unused and has not expired. */
  usableMagicLink(link: string, now: Date): MagicLink | undefined {
    return this.data.magicLinks.find((m) => m.link === link && m.used_at === null && Date.parse(m.expires_at) > now.getTime());
  }

  approve(link: MagicLink, approval: Approval): void {
    link.used_at = approval.approved_at;
    this.data.approvals = [...this.data.approvals.filter((a) => a.key !== approval.key), approval];
    this.changed();
  }

  /** Seed 004's "registered device": added through seed 000, or registered through seed
   * 002/003 with this `mac_addr` or `device_id`. */
  isKnownDevice(key: string): boolean {
    if (this.data.devices.some((d) => d.key === key)) return true;
    return this.data.registrations.some((r) =>
      [r.request['mac_addr'], r.request['device_id']].some((id) => typeof id === 'string' && deviceKey(id) === key),
    );
  }

  isApproved(key: string): boolean {
    return this.data.approvals.some((a) => a.key === key);
  }
}

import type { FeatureFlags } from '../app/services';
import { createLogger } from '../log/log';

const log = createLogger('registration');

/** The boolean flags of `app_config.feature_flags`; anything else is left out with a warning. */
export function readFeatureFlags(appConfig: Record<string, unknown> | undefined): Record<string, boolean> {
  const raw = appConfig?.['feature_flags'];
  const flags: Record<string, boolean> = {};
  if (raw === undefined) return flags;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    log.warn('app_config.feature_flags is not an object; no flags');
    return flags;
  }
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'boolean') flags[name] = value;
    else log.warn(`feature flag ${name} is not true or false; ignored`);
  }
  return flags;
}

/** The shell's one accessor for the server's feature flags (CONTRACT §3). */
export class AppConfigFeatureFlags implements FeatureFlags {
  private flags: Record<string, boolean> = {};
  private readonly listeners = new Set<() => void>();

  isEnabled(name: string): boolean | undefined {
    return Object.prototype.hasOwnProperty.call(this.flags, name) ? this.flags[name] : undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes the flags of a (new or stored) `app_config`; listeners hear only of real changes. */
  update(appConfig: Record<string, unknown> | undefined): void {
    const next = readFeatureFlags(appConfig);
    if (JSON.stringify(next) === JSON.stringify(this.flags)) return;
    this.flags = next;
    this.listeners.forEach((listener) => listener());
  }
}

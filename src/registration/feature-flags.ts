import type { FeatureFlags } from '../app/services';

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

  /**
   * Takes the flags read from a (new or stored) `app_config`; listeners hear only of real changes.
   * Reading them is registration's work, which is loaded after the first screen.
   */
  update(next: Record<string, boolean>): void {
    if (JSON.stringify(next) === JSON.stringify(this.flags)) return;
    this.flags = next;
    this.listeners.forEach((listener) => listener());
  }
}

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

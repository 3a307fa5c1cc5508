import { createLogger } from '../../log/log';
import type { FakeTvOptions } from './fake-options';
import { installFakeTizen } from './fake-tizen';
import { installFakeWebos } from './fake-webos';

const log = createLogger('emulation');

/**
 * Development builds only (start.ts imports this behind `import.meta.env.DEV`): `?emulate=tizen`
 * or `?emulate=webos`, with optional `mac`, `firmware` and `model`, makes the page a fake TV.
 */
export function installEmulationFromUrl(search: string): void {
  const query = new URLSearchParams(search);
  const target = query.get('emulate');
  if (!target) return;
  const options: FakeTvOptions = {};
  for (const key of ['mac', 'firmware', 'model'] as const) {
    const value = query.get(key);
    if (value) options[key] = value;
  }
  if (target === 'tizen') installFakeTizen(options);
  else if (target === 'webos') installFakeWebos(options);
  else {
    log.warn(`unknown emulate=${target}; expected tizen or webos`);
    return;
  }
  log.info(`emulating ${target}`);
}

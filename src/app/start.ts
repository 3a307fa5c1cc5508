import { loadConfig } from '../config/load-config';
import './tv-app';

/** Loads the runtime configuration and mounts the application root. */
export async function start(): Promise<void> {
  const config = await loadConfig();
  const app = document.createElement('tv-app');
  app.config = config;
  document.body.appendChild(app);
}

import { readTextEarly } from '../boot/early-reads';
import type { ReadText } from '../boot/read-text';
import { createLogger, errorMessage } from '../log/log';
import { parseCatalog, type Catalog } from './catalog';

const log = createLogger('catalog');

/** Loads `catalog.json` from next to the app; a missing or broken file shows no rails, with a warning. */
export async function loadCatalog(readText: ReadText = readTextEarly, url = 'catalog.json'): Promise<Catalog> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readText(url));
  } catch (error) {
    log.warn(`${url} could not be read (${errorMessage(error)}); showing no rails`);
    return { rails: [] };
  }
  const { catalog, warnings } = parseCatalog(raw);
  for (const warning of warnings) log.warn(`${url}: ${warning}`);
  return catalog;
}

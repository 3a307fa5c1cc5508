import './theme.css';
import { startEarlyReads } from './boot/early-reads';
import { loadLegacyPolyfills } from './boot/load-legacy-polyfills';

// config.json and catalog.json are on their way while the rest of the script is evaluated.
startEarlyReads();
// Nothing that touches Lit may be evaluated before the polyfills: the start-up chunk downloads
// beside this script (its own tag in index.html), but runs only when required here.
void loadLegacyPolyfills()
  .then(() => import('./app/start'))
  .then(({ start }) => start());

import './theme.css';
import { startEarlyReads } from './boot/early-reads';
import { loadLegacyPolyfills } from './boot/load-legacy-polyfills';

// config.json and catalog.json are on their way while the rest of the script is evaluated.
startEarlyReads();
// Nothing that touches Lit may be evaluated before the polyfills: the build keeps the dynamic
// import inside the single classic bundle but defers evaluating it until this point.
void loadLegacyPolyfills()
  .then(() => import('./app/start'))
  .then(({ start }) => start());

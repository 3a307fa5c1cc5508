import './theme.css';
import { loadLegacyPolyfills } from './boot/load-legacy-polyfills';

// Nothing that touches Lit may be evaluated before the polyfills: the build keeps the dynamic
// import inside the single classic bundle but defers evaluating it until this point.
void loadLegacyPolyfills()
  .then(() => import('./app/start'))
  .then(({ start }) => start());

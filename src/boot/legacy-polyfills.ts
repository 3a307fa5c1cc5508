// Built into its own file and loaded only on engines that lack these (see needsLegacyPolyfills):
// the two runtime features Lit 3 needs above the oldest TV engines (Chromium 68/69).
import 'core-js/actual/global-this';
import 'core-js/actual/array/flat';

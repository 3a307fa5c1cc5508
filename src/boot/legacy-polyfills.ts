// Built into its own file and loaded only on engines that lack these (see needsLegacyPolyfills):
// what Lit 3 needs above the oldest TV engines (Chromium 68/69). The ECMAScript ones come from
// core-js; the DOM one is not in core-js.
import 'core-js/actual/global-this';
import 'core-js/actual/array/flat';
import { installToggleAttribute } from './toggle-attribute';

installToggleAttribute(Element.prototype);

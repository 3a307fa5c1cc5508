import fc from 'fast-check';
import { propertySeed } from './property/property-seed';

// Vitest loads this before every test file of the app project; Playwright specs import it.
const seed = propertySeed(process.env.FC_SEED);
if (seed !== undefined) fc.configureGlobal({ seed });

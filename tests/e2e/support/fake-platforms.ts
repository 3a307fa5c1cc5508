/**
 * The fake TV installers, for `page.addInitScript(installFakeTizen, options)` before `page.goto`.
 * They are the same functions `?emulate=` uses in development builds; `window.__tvFake` then
 * records platform calls (`exit`, `registerKeys:…`) and can relaunch or flip the network.
 */
export { installFakeTizen } from '../../../src/platform/emulation/fake-tizen.ts';
export { installFakeWebos } from '../../../src/platform/emulation/fake-webos.ts';
export type { FakeTvOptions, TvFakeControl } from '../../../src/platform/emulation/fake-options.ts';

/** The package name, injected at build time from package.json. */
declare const __APP_NAME__: string;
/** The package version, injected at build time from package.json. */
declare const __APP_VERSION__: string;
/** Set from build/plain-http.ts: `''` unless the build is a test package made with TV_ALLOW_HTTP=1. */
declare const __TV_TEST_HTTP_ORIGIN__: string;

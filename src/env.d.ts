/** The package name, injected at build time from package.json. */
declare const __APP_NAME__: string;
/** The package version, injected at build time from package.json. */
declare const __APP_VERSION__: string;

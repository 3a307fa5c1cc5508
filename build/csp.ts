/** The Content-Security-Policy `<meta>` of the built index.html (src/index.html). */
const META_CSP = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

/** The policy of index.html's CSP `<meta>`; throws when there is none, so no package ships without one. */
export function readMetaCsp(html: string): string {
  const match = META_CSP.exec(html);
  if (!match?.[2]) throw new Error('index.html has no Content-Security-Policy <meta>');
  return match[2];
}

/** index.html with its CSP `<meta>` set to `policy`. */
export function writeMetaCsp(html: string, policy: string): string {
  readMetaCsp(html);
  return html.replace(META_CSP, (_all, before: string, _old: string, after: string) => `${before}${policy}${after}`);
}

/**
 * `policy` with `connect-src` limited to the app's own files and `origins`: the served build may
 * call any API config.json names, a package only the ones it was built for.
 */
export function withConnectSrc(policy: string, origins: readonly string[]): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !/^connect-src(\s|$)/i.test(directive));
  return [...directives, `connect-src 'self' ${origins.join(' ')}`.trim()].join('; ');
}

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

/** The policy's directives, trimmed, without empty ones. */
const directivesOf = (policy: string): string[] =>
  policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '');

/** A directive's name, lower-case. */
const directiveName = (directive: string): string => directive.split(/\s+/)[0]!.toLowerCase();

/**
 * `policy` with `connect-src` limited to the app's own files and `origins`: the served build may
 * call any API config.json names, a package only the ones it was built for.
 */
export function withConnectSrc(policy: string, origins: readonly string[]): string {
  const directives = directivesOf(policy).filter((directive) => directiveName(directive) !== 'connect-src');
  return [...directives, `connect-src 'self' ${origins.join(' ')}`.trim()].join('; ');
}

/** Directives a package keeps to the app's own files: it shows no remote images or media (tile art is drawn in CSS). */
const LOCAL_ONLY_DIRECTIVES = ['img-src', 'media-src'];
/** Sources that reach other hosts: any origin, a scheme of the network, or a host. Keeps 'self', data:, blob: and keywords. */
const isRemoteSource = (source: string): boolean => !source.startsWith("'") && !/^(data|blob|filesystem|mediastream):$/i.test(source);

/**
 * `policy` with `img-src` and `media-src` limited to the app's own files (and `data:`/`blob:`):
 * the served build allows any http(s) origin there, a package nothing it does not need. A
 * directive left with no source becomes `'none'`.
 */
export function withLocalMedia(policy: string): string {
  return directivesOf(policy)
    .map((directive) => {
      const [name, ...sources] = directive.split(/\s+/);
      if (!LOCAL_ONLY_DIRECTIVES.includes(directiveName(directive))) return directive;
      const local = sources.filter((source) => !isRemoteSource(source));
      return [name, ...(local.length ? local : ["'none'"])].join(' ');
    })
    .join('; ');
}

/** The CSP a package ships: {@link withConnectSrc} and {@link withLocalMedia}. */
export const packagedCsp = (policy: string, origins: readonly string[]): string => withConnectSrc(withLocalMedia(policy), origins);

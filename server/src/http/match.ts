/** Path patterns: `/admin/api/devices/:mac/ban` (`:name` = one segment) and
 * `/devices/approve/*link` (`*name` = the rest, possibly empty). Values stay URL-encoded;
 * handlers decode them with `decodeParam`, which cannot throw. */
export type Params = Record<string, string>;
export type Matcher = (path: string) => Params | undefined;

export function compilePattern(pattern: string): Matcher {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      if (segment.startsWith('*')) {
        names.push(segment.slice(1));
        return '(.*)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const regex = new RegExp(`^${source}$`);
  return (path) => {
    const found = regex.exec(path);
    if (!found) return undefined;
    return Object.fromEntries(names.map((name, i) => [name, found[i + 1] ?? '']));
  };
}

export function decodeParam(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

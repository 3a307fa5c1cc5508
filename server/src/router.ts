import { compilePattern, type Matcher, type Params } from './http/match.js';
import type { Handler, Method, Route } from './routes/types.js';

export interface RouteMatch {
  route: Route;
  params: Params;
}

/** Finds the route for a path; methods are resolved separately so a known path with the
 * wrong method can answer 405 instead of 404. */
export function createRouter(routes: readonly Route[]): (path: string) => RouteMatch | undefined {
  const compiled: [Matcher, Route][] = routes.flatMap((route) => route.patterns.map((p): [Matcher, Route] => [compilePattern(p), route]));
  return (path) => {
    for (const [match, route] of compiled) {
      const params = match(path);
      if (params) return { route, params };
    }
    return undefined;
  };
}

/** HEAD is served by the GET handler unless the route has its own (Node drops the body). */
export function handlerFor(route: Route, method: string): Handler | undefined {
  const methods = route.methods;
  if (method === 'HEAD') return methods.HEAD ?? methods.GET;
  return methods[method as Method];
}

export function allowHeader(route: Route): string {
  const methods = Object.keys(route.methods);
  if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
  return [...methods, 'OPTIONS'].join(', ');
}

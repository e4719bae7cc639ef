import type { IncomingMessage, ServerResponse } from 'node:http';

/** Path parameters of a matched route, e.g. `{ id: "…" }` for `/api/agendas/:id`. */
export type RouteParams = Record<string, string>;

/** Handles one matched request. Throwing (or rejecting) answers 500 and is logged by the server. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, params: RouteParams) => void | Promise<void>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/** What matching a request found: a handler, a path with other methods only, or nothing. */
export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: RouteParams }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

/**
 * A small router for the HTTP API: routes are a method and a path pattern whose `:name`
 * segments are parameters. Features add their routes with `add`, e.g.
 * `router.add('GET', '/api/agendas/:id/pdf', handler)`.
 */
export class Router {
  private readonly routes: Route[] = [];

  /** Adds a route. */
  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  /** Finds the route for a method and a (decoded-per-segment) path. */
  match(method: string, pathname: string): RouteMatch {
    const segments = split(pathname);
    const allow: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method.toUpperCase()) return { kind: 'found', handler: route.handler, params };
      allow.push(route.method);
    }
    return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], path: string[]): RouteParams | null {
  if (pattern.length !== path.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    let actual: string;
    try {
      actual = decodeURIComponent(path[i]!);
    } catch {
      return null;
    }
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return null;
  }
  return params;
}

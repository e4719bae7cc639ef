import { useEffect, useState } from 'react';
import { isValidAgendaId } from '../../../shared/agenda/agenda-id';

/** Where the app is: the start screen, or one agenda. Kept in the URL hash. */
export type Route = { screen: 'start' } | { screen: 'agenda'; id: string };

/** The route of a location hash ("#/dagsorden/<id>"). */
export function parseRoute(hash: string): Route {
  const match = /^#\/dagsorden\/([^/?#]+)$/.exec(hash);
  if (match && isValidAgendaId(match[1])) return { screen: 'agenda', id: match[1]! };
  return { screen: 'start' };
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  return route.screen === 'agenda' ? `#/dagsorden/${route.id}` : '#/';
}

/** The current route, updated when the hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Goes to a route. */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

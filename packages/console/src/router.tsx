/**
 * The console's routes, in the browser's history (the server answers every client route with `index.html`):
 * `/`, `/state-machines/new`, `/state-machines/<arn>[/edit]`, `/executions/<arn>`, `/simulator`, `/activities`.
 */
import { type AnchorHTMLAttributes, useEffect, useState } from 'react';

/** A route, parsed from the location's path. */
export type Route =
  | { page: 'machines' }
  | { page: 'create' }
  | { page: 'machine'; arn: string; tab?: string }
  | { page: 'edit'; arn: string }
  | { page: 'execution'; arn: string }
  | { page: 'simulator' }
  | { page: 'activities' }
  | { page: 'not-found'; path: string };

/** The route of a path. */
export function parseRoute(path: string, search = ''): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const tab = new URLSearchParams(search).get('tab') ?? undefined;
  if (parts.length === 0) return { page: 'machines' };
  if (parts[0] === 'state-machines' && parts[1] === 'new' && parts.length === 2) return { page: 'create' };
  if (parts[0] === 'state-machines' && parts.length === 2) return { page: 'machine', arn: parts[1], tab };
  if (parts[0] === 'state-machines' && parts[2] === 'edit' && parts.length === 3)
    return { page: 'edit', arn: parts[1] };
  if (parts[0] === 'executions' && parts.length === 2) return { page: 'execution', arn: parts[1] };
  if (parts[0] === 'simulator' && parts.length === 1) return { page: 'simulator' };
  if (parts[0] === 'activities' && parts.length === 1) return { page: 'activities' };
  return { page: 'not-found', path };
}

/** Paths of the pages, for links. */
export const paths = {
  machines: () => '/',
  create: () => '/state-machines/new',
  machine: (arn: string, tab?: string) => `/state-machines/${encodeURIComponent(arn)}${tab ? `?tab=${tab}` : ''}`,
  edit: (arn: string) => `/state-machines/${encodeURIComponent(arn)}/edit`,
  /** An execution's page; with `mapRun`, its Distributed Map state that started that Map Run selected. */
  execution: (arn: string, mapRun?: string) =>
    `/executions/${encodeURIComponent(arn)}${mapRun ? `?mapRun=${encodeURIComponent(mapRun)}` : ''}`,
  simulator: () => '/simulator',
  activities: () => '/activities',
};

const NAVIGATED = 'lockstep:navigated';

/** Goes to a path without reloading the page. */
export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
  window.scrollTo(0, 0);
}

/** The current route, updated on navigation and on the browser's back/forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname, location.search));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return route;
}

/** A link to a console page: a real `<a href>` (open in a new tab works), navigating in place on a plain click. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}

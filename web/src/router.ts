// Paths under /app/ with the History API, so every screen has a real address that can be bookmarked and shared;
// the server answers index.html for each of them.
import { useEffect, useState } from 'preact/hooks';

export const base = '/app/';

export function navigate(path: string): void {
  history.pushState(null, '', base + path.replace(/^\//, ''));
  dispatchEvent(new PopStateEvent('popstate'));
}

/// The current path below /app/ ("", "stories/3", "queue") and query, updated on navigation.
export function useLocation(): { path: string; query: URLSearchParams } {
  const read = () => ({
    path: location.pathname.startsWith(base) ? location.pathname.slice(base.length).replace(/\/$/, '') : '',
    query: new URLSearchParams(location.search),
  });
  const [current, setCurrent] = useState(read);
  useEffect(() => {
    const update = () => setCurrent(read());
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return current;
}

/// Follows in-app links without reloading the page (ordinary clicks only: a new tab still works).
export function onLinkClick(event: MouseEvent): void {
  const link = (event.target as Element).closest('a');
  if (
    !link ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    link.target ||
    !link.pathname.startsWith(base) ||
    link.origin !== location.origin
  ) {
    return;
  }
  event.preventDefault();
  navigate(link.pathname.slice(base.length) + link.search);
}

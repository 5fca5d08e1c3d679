// A list the server keeps (organisations, users, invitations, webhooks), as an administration screen shows it.
import { useEffect, useState } from 'preact/hooks';

/// Loads the list when the screen opens and again on `reload()` (after a change); `items` is null until the first
/// answer. A failure is kept in `error` for the screen to show; `setError` lets the screen's own requests do the same.
export function useServerList<T>(load: () => Promise<T[]>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = () => load().then(setItems, setError);
  useEffect(() => {
    reload();
  }, []);
  return { items, error, setError, reload };
}

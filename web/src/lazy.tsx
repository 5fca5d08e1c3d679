// Screens loaded on demand (esbuild splits each into its own chunk): the dashboard with its world map, and the
// administration, which most people never open, stay out of the first load.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from './components';

export function lazyScreen<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loaded: ComponentType<Props> | null = null;
  return function LazyScreen(props: Props) {
    const [Screen, setScreen] = useState<ComponentType<Props> | null>(() => loaded);
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      if (!Screen) {
        load().then((component) => {
          loaded = component;
          setScreen(() => component);
        }, setError);
      }
    }, []);
    if (error) return <ErrorMessage error={error} />;
    return Screen ? <Screen {...props} /> : <Loading />;
  };
}

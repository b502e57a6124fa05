// Screen navigation through the URL hash (#/import): no router dependency, and the back button and deep links work.
import { useCallback, useEffect, useState } from 'react';

export type ScreenKey = 'connect' | 'contacts' | 'workspace' | 'import' | 'delete' | 'jobs';
const SCREENS: readonly ScreenKey[] = ['connect', 'contacts', 'workspace', 'import', 'delete', 'jobs'];

function read(): ScreenKey {
  const key = window.location.hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(key) ? (key as ScreenKey) : 'connect';
}

export function useHashRoute(): [ScreenKey, (to: ScreenKey) => void] {
  const [route, setRoute] = useState<ScreenKey>(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((to: ScreenKey) => {
    window.location.hash = `/${to}`;
  }, []);
  return [route, navigate];
}

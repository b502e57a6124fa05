// Load something from the backend whenever `key` changes; `loading` is derived, not set inside the effect.
import { useEffect, useRef, useState } from 'react';

interface Loaded<T> {
  key: string;
  data?: T;
  error?: unknown;
}

export function useRemote<T>(
  key: string | null,
  load: () => Promise<T>,
): { data: T | undefined; loading: boolean; error: unknown } {
  const [state, setState] = useState<Loaded<T> | null>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    loadRef.current().then(
      (data) => live && setState({ key, data }),
      (error: unknown) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  const current = state !== null && state.key === key;
  return {
    // Keep showing the previous page while the next one loads (no flicker).
    data: state?.data,
    loading: key !== null && !current,
    error: current ? (state.error ?? null) : null,
  };
}

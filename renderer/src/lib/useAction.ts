// One place for "run this backend call, show a spinner on its button, keep the error to explain it".
import { useCallback, useState } from 'react';

export interface Action<K extends string> {
  /** Which action is running, or null. */
  busy: K | null;
  /** The last action's failure (shown with ErrorExplain), or null. */
  error: unknown;
  setError: (error: unknown) => void;
  clearError: () => void;
  /** Clears the previous error, marks `kind` busy while `work` runs, keeps what it throws. */
  run: (kind: K, work: () => Promise<unknown>) => Promise<void>;
}

export function useAction<K extends string = string>(): Action<K> {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<unknown>(null);
  const clearError = useCallback(() => setError(null), []);
  const run = useCallback(async (kind: K, work: () => Promise<unknown>) => {
    setBusy(kind);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, setError, clearError, run };
}

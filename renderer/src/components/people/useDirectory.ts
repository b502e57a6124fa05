// The connection's cached staff directory as the screens show it: its size and age (looked at again
// every few seconds, no call to DingTalk), and a refresh through the backend's one refreshDirectory,
// with what has been read so far while it runs, and why the last read failed, here or elsewhere.
import { useCallback, useEffect, useState } from 'react';
import { api, type DirectoryInfo, type DirectoryReadProgress } from '../../api';
import { useAction } from '../../lib/useAction';

export interface DirectoryState {
  info: DirectoryInfo | null;
  /** What has been read so far while `reading`. */
  progress: DirectoryReadProgress | null;
  reading: boolean;
  /** The last refresh's failure (a missing permission, mostly), or null. */
  error: unknown;
  clearError: () => void;
  refresh: () => Promise<void>;
}

/** `version` changes when the caller knows the directory may have been read (e.g. another connection). */
export function useDirectory(version: unknown = 0): DirectoryState {
  const [info, setInfo] = useState<DirectoryInfo | null>(null);
  const [progress, setProgress] = useState<DirectoryReadProgress | null>(null);
  const [, tick] = useState(0);
  const action = useAction<'refresh'>();
  const load = useCallback(() => void api.getDirectoryInfo().then(setInfo, () => setInfo(null)), []);
  useEffect(load, [load, version]);
  useEffect(() => {
    // The directory may be read by other work (the table's names, a dry run, the hand-over): look again
    // often until it has been read, then to keep the age current.
    const timer = setInterval(
      () => {
        tick((n) => n + 1);
        load();
      },
      info?.readAt ? 30_000 : 3_000,
    );
    return () => clearInterval(timer);
  }, [load, info?.readAt]);
  useEffect(() => api.on('directory:progress', setProgress), []);
  const { run } = action;
  const refresh = useCallback(
    () =>
      run('refresh', async () => {
        setProgress(null);
        try {
          setInfo(await api.refreshDirectory());
        } catch (e) {
          load(); // with the failure the backend now remembers (info.lastError)
          throw e;
        }
      }),
    [run, load],
  );
  const reading = action.busy === 'refresh';
  return {
    info,
    progress: reading ? progress : null,
    reading,
    error: action.error,
    clearError: action.clearError,
    refresh,
  };
}

// Produce a file on the backend, then hand it to the user (save dialog in Electron, a download in the
// browser). Its toast belongs to the screen that asked: closed when that screen goes, so it never sits on
// another one; with a `scope` the saved file is also remembered for that screen's SavedFileNote.
import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { api, type FileRef } from '../api';
import { useI18n } from '../i18n';
import { rememberSaved, type SavedFile } from './savedFiles';

export interface SaveOptions {
  suggestedName?: string;
  /** Remembers the saved file under this name (see SavedFileNote). */
  scope?: string;
  /** What was saved, said with the path ("Exported 500 contacts."), once the file is made. */
  what?: (file: FileRef) => string;
}

let toastNo = 0;

export function useSaveFile(): (
  make: () => Promise<FileRef>,
  opts?: SaveOptions,
) => Promise<SavedFile | null> {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const keys = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    const open = keys.current;
    return () => {
      mounted.current = false;
      for (const key of open) message.destroy(key);
      open.clear();
    };
  }, [message]);
  return useCallback(
    async (make, opts = {}) => {
      const file = await make();
      const result = await api.saveFile({
        fileId: file.fileId,
        suggestedName: opts.suggestedName ?? file.name,
      });
      if (!result.saved) return null;
      const saved: SavedFile = {
        name: file.name,
        ...(result.path ? { path: result.path } : {}),
        ...(opts.what ? { what: opts.what(file) } : {}),
        at: Date.now(),
      };
      if (opts.scope) rememberSaved(opts.scope, saved);
      const where = saved.path
        ? t('common.saved', { path: saved.path })
        : t('common.downloaded', { name: file.name });
      const key = `save-${++toastNo}`;
      // Finished after its screen went: the toast is the only word of it, so it shows (and times out).
      if (mounted.current) keys.current.add(key);
      void message.success({
        key,
        content: saved.what ? [saved.what, where].join(lang === 'zh-CN' ? '' : ' ') : where,
      });
      return saved;
    },
    [message, t, lang],
  );
}

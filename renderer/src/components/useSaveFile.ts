// Produce a file on the backend, then hand it to the user (save dialog in Electron, a download in the browser).
import { App } from 'antd';
import { useCallback } from 'react';
import { api, type FileRef } from '../api';
import { useI18n } from '../i18n';

export function useSaveFile(): (make: () => Promise<FileRef>, suggestedName?: string) => Promise<boolean> {
  const { t } = useI18n();
  const { message } = App.useApp();
  return useCallback(
    async (make, suggestedName) => {
      const file = await make();
      const result = await api.saveFile({ fileId: file.fileId, suggestedName: suggestedName ?? file.name });
      if (!result.saved) return false;
      void message.success(
        result.path ? t('common.saved', { path: result.path }) : t('common.downloaded', { name: file.name }),
      );
      return true;
    },
    [message, t],
  );
}

// Native open/save dialogs for the backend (web mode uploads and downloads instead).
import { extname } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { HostDialogs } from '../core/app';

const OPEN_FILTERS = {
  sheet: [
    {
      name: 'Spreadsheets',
      extensions: ['xlsx', 'xlsm', 'csv', 'txt', 'xls', 'et', 'ods', 'xlsb', 'numbers'],
    },
    { name: 'All files', extensions: ['*'] },
  ],
  mapping: [{ name: 'Mapping (JSON)', extensions: ['json'] }],
} as const;

const SAVE_FILTERS: Record<string, Electron.FileFilter> = {
  '.xlsx': { name: 'Excel workbook', extensions: ['xlsx'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.json': { name: 'JSON', extensions: ['json'] },
};

export function createDialogs(getWindow: () => BrowserWindow | null): HostDialogs {
  return {
    async openFile(purpose) {
      const win = getWindow();
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile'],
        filters: OPEN_FILTERS[purpose].map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      };
      const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return res.canceled ? null : (res.filePaths[0] ?? null);
    },
    async saveFile(suggestedName) {
      const win = getWindow();
      const filter = SAVE_FILTERS[extname(suggestedName).toLowerCase()];
      const options: Electron.SaveDialogOptions = {
        defaultPath: suggestedName,
        ...(filter ? { filters: [filter] } : {}),
      };
      const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return res.canceled || !res.filePath ? null : res.filePath;
    },
  };
}

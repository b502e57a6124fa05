// One ipcMain.handle per contract method (channel dtload:<method>). A call is answered only when it
// comes from our window's main frame at our own URL; the backend validates the payload.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelOf, METHOD_NAMES, type Envelope } from '../../shared/contract';
import type { Backend } from '../core/app';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export const REFUSED: Envelope<never> = {
  ok: false,
  error: {
    kind: 'bad-request',
    meaning: "Refused: the request did not come from dtload's own window.",
    solution: 'Only the dtload window may call the backend.',
  },
};

/** True when `url` is the app's page: the same file, or the same dev-server origin. */
export function isAppUrl(url: string, appUrl: string): boolean {
  let u: URL;
  let app: URL;
  try {
    u = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return u.protocol === 'file:' && u.pathname === app.pathname;
  return u.origin === app.origin;
}

export function createSenderCheck(
  getWindowContents: () => Electron.WebContents | null,
  appUrl: string,
): SenderCheck {
  return (event) => {
    const wc = getWindowContents();
    const frame = event.senderFrame;
    if (!wc || wc.isDestroyed() || event.sender !== wc || !frame) return false;
    if (frame !== wc.mainFrame) return false;
    return isAppUrl(frame.url, appUrl);
  };
}

export function registerIpc(
  ipcMain: IpcMain,
  backend: Pick<Backend, 'dispatch'>,
  isTrusted: SenderCheck,
): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), (event, args: unknown) =>
      isTrusted(event) ? backend.dispatch(name, args) : Promise.resolve(REFUSED),
    );
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}

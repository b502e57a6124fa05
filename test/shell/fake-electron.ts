// A hand-written stand-in for the `electron` module (its binary cannot run here). It records what the
// shell does with it (windows, IPC handlers, messages sent to the page, dialogs, notifications) and lets a
// test act as the page (invoke a channel from a chosen frame) or as the OS (dialog answers, keyring).
import { EventEmitter } from 'node:events';

export interface FakeFrame {
  url: string;
}

type Listener = (...args: unknown[]) => void;

class FakeSession {
  permissionRequestHandler?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
  permissionCheckHandler?: (...args: unknown[]) => boolean;
  setPermissionRequestHandler(h: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = h;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  readonly mainFrame: FakeFrame = { url: 'about:blank' };
  readonly session = new FakeSession();
  windowOpenHandler?: (d: { url: string }) => { action: 'allow' | 'deny' };
  destroyed = false;
  send(channel: string, payload: unknown): void {
    // Like Electron: the payload is structured-cloned on its way to the page.
    this.sent.push({ channel, payload: structuredClone(payload) });
  }
  setWindowOpenHandler(h: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = h;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emits a navigation-like event; answers whether the shell prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly progress: Array<{ value: number; options?: unknown }> = [];
  visible = false;
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.all.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url;
    setImmediate(() => {
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {}
  setProgressBar(value: number, options?: unknown): void {
    this.progress.push({ value, options });
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, fn: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  /** Acts as the page: invokes a channel as if sent from `sender` / `senderFrame`. */
  async invoke(
    channel: string,
    args: unknown,
    from: { sender: unknown; senderFrame: FakeFrame | null },
  ): Promise<unknown> {
    const fn = this.handlers.get(channel);
    if (!fn) throw new Error(`No handler registered for '${channel}'`);
    // Arguments and answers cross the process boundary as structured clones.
    return structuredClone(
      await fn({ sender: from.sender, senderFrame: from.senderFrame }, structuredClone(args)),
    );
  },
};

export const ipcRenderer = {
  invoked: [] as Array<{ channel: string; args: unknown }>,
  listeners: new Map<string, Set<Listener>>(),
  async invoke(channel: string, args: unknown): Promise<unknown> {
    this.invoked.push({ channel, args });
    return { ok: true, value: `answer of ${channel}` };
  },
  on(channel: string, fn: Listener): void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(fn);
    this.listeners.set(channel, set);
  },
  removeListener(channel: string, fn: Listener): void {
    this.listeners.get(channel)?.delete(fn);
  },
  /** Acts as main: delivers a message on `channel`. */
  deliver(channel: string, payload: unknown): void {
    for (const fn of this.listeners.get(channel) ?? []) fn({ sender: 'ipc-renderer-event' }, payload);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

export const app = {
  recentDocuments: [] as string[],
  getVersion: (): string => '0.1.0-test',
  addRecentDocument(path: string): void {
    this.recentDocuments.push(path);
  },
  requestSingleInstanceLock: (): boolean => true,
  on: (): void => {},
  whenReady: (): Promise<void> => Promise.resolve(),
  quit: (): void => {},
};

export const dialog = {
  /** The next answers of the open / save dialogs. */
  openAnswer: { canceled: true, filePaths: [] as string[] },
  saveAnswer: { canceled: true, filePath: undefined as string | undefined },
  async showOpenDialog(..._args: unknown[]) {
    return this.openAnswer;
  },
  async showSaveDialog(..._args: unknown[]) {
    return this.saveAnswer;
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};

export class Notification {
  static shown: Array<{ title: string; body: string }> = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(private readonly opts: { title: string; body: string }) {}
  show(): void {
    Notification.shown.push(this.opts);
  }
}

/** A reversible stand-in for the OS keychain: not plain text on disk, and tied to this "machine". */
const KEY = 0x5a;
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(text: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ KEY));
  },
  decryptString(data: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available.');
    return Buffer.from(data.map((b) => b ^ KEY)).toString('utf8');
  },
};

/** Back to a clean slate between tests. */
export function resetFake(): void {
  BrowserWindow.all = [];
  ipcMain.handlers.clear();
  ipcRenderer.invoked = [];
  ipcRenderer.listeners.clear();
  contextBridge.exposed.clear();
  app.recentDocuments = [];
  dialog.openAnswer = { canceled: true, filePaths: [] };
  dialog.saveAnswer = { canceled: true, filePath: undefined };
  shell.opened = [];
  Notification.shown = [];
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  dialog,
  shell,
  Notification,
  safeStorage,
};

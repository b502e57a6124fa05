// Web-mode adapter: the contract over one WebSocket (reconnecting), files over HTTP.
// The page URL carries ?token=…; every request repeats it (or the cookie the server set with it), else 403.
import {
  METHOD_NAMES,
  type Envelope,
  type EventName,
  type Events,
  type FileRef,
  type MethodName,
  type Methods,
  type OpenDialogArgs,
  type SaveFileArgs,
  type SaveFileResult,
  type UploadArgs,
  type WireCall,
  type WireEvent,
  type WireReply,
} from '../../../shared/contract';
import { linkError, unwrap } from './errors';
import type { Api, LinkState } from './types';

const ACCEPT: Record<OpenDialogArgs['purpose'], string> = {
  sheet:
    '.xlsx,.xlsm,.csv,.txt,.xls,.et,.ods,.xlsb,.numbers,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv',
  mapping: '.json,application/json',
};

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * The access token from the page URL, which is then taken out of the address bar (it should not end up
 * in bookmarks or a screen share). The server also set it as a same-site cookie, so a reload without it
 * still works: then this answers '' and requests rely on the cookie.
 */
export function takeWebToken(loc: Location = window.location, history: History = window.history): string {
  const url = new URL(loc.href);
  const token = url.searchParams.get('token');
  if (token === null) return '';
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return token;
}

export function createWebApi(token: string, origin: string = window.location.origin): Api {
  const withToken = (path: string): string =>
    token ? `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : path;
  const wsUrl = withToken(`${origin.replace(/^http/, 'ws')}/api/ws`);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const linkListeners = new Set<(s: LinkState) => void>();
  const pending = new Map<number, Pending>();
  /** Calls made while the socket is down: sent once it is open again. */
  const queue: WireCall[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let state: LinkState = 'connecting';
  let retryMs = 250;

  const setState = (s: LinkState): void => {
    state = s;
    for (const cb of linkListeners) cb(s);
  };

  const open = (): void => {
    const ws = new WebSocket(wsUrl);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      setState('open');
      for (const call of queue.splice(0)) ws.send(JSON.stringify(call));
    };
    ws.onmessage = (ev) => {
      const msg = JSON.parse(String(ev.data)) as WireReply | WireEvent;
      if ('id' in msg) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (!p) return;
        try {
          p.resolve(unwrap(msg.result));
        } catch (e) {
          p.reject(e);
        }
      } else {
        for (const cb of listeners.get(msg.event) ?? []) cb(msg.payload);
      }
    };
    // A failed connect is followed by close, which retries; without a handler Node's ws throws it.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      // A call already sent may or may not have run: the caller decides, never a silent resend.
      for (const [id, p] of pending) {
        if (queue.some((q) => q.id === id)) continue;
        pending.delete(id);
        p.reject(
          linkError(
            'The connection to dtload was lost during this call',
            'Check the result, then try again.',
          ),
        );
      }
      setState('reconnecting');
      setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };

  const call = (method: MethodName, args: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const msg: WireCall = { id: nextId++, method, args };
      pending.set(msg.id, { resolve, reject });
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg));
      else queue.push(msg);
    });

  const http = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(withToken(`${origin}${path}`), { credentials: 'same-origin', ...init });
    if (res.status === 403)
      throw linkError('dtload refused the request (403)', 'Reopen the address dtload printed.');
    return unwrap((await res.json()) as Envelope<T>);
  };

  const upload = (name: string, body: Blob | Uint8Array): Promise<FileRef> =>
    http<FileRef>(`/api/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      body: body as BodyInit,
      headers: { 'content-type': 'application/octet-stream' },
    });

  const uploadFile = (args: UploadArgs): Promise<FileRef> => upload(args.name, args.data);

  /** A hidden <input type=file>; runs inside the click that called it, so the browser allows it. */
  const openFileDialog = (args: OpenDialogArgs): Promise<FileRef | null> =>
    new Promise((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = ACCEPT[args.purpose];
      input.style.display = 'none';
      const done = (): void => input.remove();
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        done();
        if (!file) return resolve(null);
        upload(file.name, file).then(resolve, reject);
      });
      input.addEventListener('cancel', () => {
        done();
        resolve(null);
      });
      document.body.appendChild(input);
      input.click();
    });

  /** A browser download of a file the backend holds. */
  const saveFile = async (args: SaveFileArgs): Promise<SaveFileResult> => {
    const q = args.suggestedName ? `?name=${encodeURIComponent(args.suggestedName)}` : '';
    const a = document.createElement('a');
    a.href = withToken(`${origin}/api/files/${encodeURIComponent(args.fileId)}${q}`);
    a.download = args.suggestedName ?? '';
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return { saved: true };
  };

  const methods = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) methods[name] = (args: unknown) => call(name, args);
  Object.assign(methods, { uploadFile, openFileDialog, saveFile });

  open();
  return {
    ...(methods as unknown as Methods),
    host: 'web',
    on<E extends EventName>(event: E, cb: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const fn = cb as (payload: unknown) => void;
      set.add(fn);
      return () => set.delete(fn);
    },
    onLink(cb) {
      linkListeners.add(cb);
      cb(state);
      return () => linkListeners.delete(cb);
    },
  };
}

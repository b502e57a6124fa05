// The sandboxed preload: exposes exactly the contract's methods and a typed `on` as `window.dtload`.
// No generic invoke(channel): the renderer can reach nothing but the contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  channelOf,
  eventChannelOf,
  isEventName,
  METHOD_NAMES,
  type Bridge,
  type EventName,
  type Events,
} from '../../shared/contract';

export function buildBridge(): Bridge {
  const methods: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) {
    methods[name] = (args: unknown) => ipcRenderer.invoke(channelOf(name), args);
  }
  const on = <E extends EventName>(event: E, cb: (payload: Events[E]) => void): (() => void) => {
    if (!isEventName(event)) throw new Error(`dtload: unknown event "${String(event)}"`);
    if (typeof cb !== 'function') throw new Error('dtload: on() needs a callback');
    // The IPC event object stays here: it carries `sender`, which the page must not get.
    const listener = (_e: IpcRendererEvent, payload: Events[E]): void => cb(payload);
    const channel = eventChannelOf(event);
    ipcRenderer.on(channel, listener);
    return () => void ipcRenderer.removeListener(channel, listener);
  };
  return { ...methods, on } as Bridge;
}

contextBridge.exposeInMainWorld('dtload', buildBridge());

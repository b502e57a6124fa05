// Electron adapter: `window.dtload` comes from the preload (contextBridge); every method answers an
// Envelope that is unwrapped here so callers get values or an ApiError.
import { METHOD_NAMES, type Bridge, type MethodName, type Methods } from '../../../shared/contract';
import { unwrap } from './errors';
import type { Api } from './types';

declare global {
  interface Window {
    dtload?: Bridge;
  }
}

export function electronBridge(): Bridge | undefined {
  return typeof window !== 'undefined' ? window.dtload : undefined;
}

export function createElectronApi(bridge: Bridge): Api {
  const methods = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) {
    const call = bridge[name] as (args: unknown) => Promise<Parameters<typeof unwrap>[0]>;
    methods[name] = async (args: unknown) => unwrap(await call(args));
  }
  return {
    ...(methods as unknown as Methods),
    host: 'electron',
    on: (event, cb) => bridge.on(event, cb),
    onLink: (cb) => {
      cb('open');
      return () => {};
    },
  };
}

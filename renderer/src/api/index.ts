// The renderer's single door to the backend. Screens import `api` from here and never care which
// host they run in: Electron (preload bridge) or web mode (WebSocket + HTTP uploads/downloads).
import { createElectronApi, electronBridge } from './electron';
import type { Api } from './types';
import { createWebApi, takeWebToken } from './web';

export { ApiError } from './errors';
export type { Api, LinkState } from './types';
export type * from '../../../shared/contract';

function createApi(): Api {
  const bridge = electronBridge();
  if (bridge) return createElectronApi(bridge);
  // Web mode: the token from the URL, or (after a reload) the cookie the server set with it.
  return createWebApi(takeWebToken());
}

export const api: Api = createApi();

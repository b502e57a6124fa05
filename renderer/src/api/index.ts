// The renderer's single door to the backend. Screens import `api` from here and never care which
// host they run in: Electron (preload bridge) or web mode (WebSocket + HTTP uploads/downloads).
import { createElectronApi, electronBridge } from './electron';
import type { Api } from './types';
import { createWebApi, webToken } from './web';

export { ApiError } from './errors';
export type { Api, LinkState } from './types';
export type * from '../../../shared/contract';

function createApi(): Api {
  const bridge = electronBridge();
  if (bridge) return createElectronApi(bridge);
  const token = webToken();
  if (token) return createWebApi(token);
  throw new Error('dtload: neither the Electron bridge nor a web-mode token is present');
}

export const api: Api = createApi();

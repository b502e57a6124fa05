// The DingTalk extcontact client.
export {
  createDingTalkClient,
  immediateScheduler,
  type CallScheduler,
  type DingTalkClient,
  type DingTalkClientOptions,
  type ListContactsOptions,
} from './client';
export { DingTalkError, isDingTalkError, type DingTalkErrorInit, type TransportErrcode } from './errors';
export type { FetchLike } from './transport';
export type { RawDepartment, StaffPage } from './shapes';

// The sandbox organisation: a faithful local DingTalk extcontact API for demos, tests and benchmarks.
export { startSandbox, type SandboxHandle } from './server';
export { loadSandboxState, resetSandboxState, sandboxStatePath, saveSandboxState } from './state-file';
export { SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from './credentials';
export { SANDBOX_STAFF, SANDBOX_DEPTS, seedLabelGroups, seedContacts, userIdFor } from './seed-data';
export type {
  InjectedErrcode,
  Sandbox,
  SandboxFaults,
  SandboxLimits,
  SandboxOptions,
  SandboxFetch,
  SandboxResponse,
  SandboxState,
  WriteLogEntry,
} from './types';

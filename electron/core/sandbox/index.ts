// The sandbox organisation: a faithful local DingTalk extcontact API for demos, tests and benchmarks.
export { startSandbox, type SandboxHandle } from './server';
export { startSavedSandbox } from './saved-sandbox';
export {
  createStateSaver,
  loadSandboxState,
  resetSandboxState,
  sandboxStatePath,
  saveSandboxState,
} from './state-file';
export { SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from './credentials';
export {
  SANDBOX_STAFF,
  SANDBOX_DEPTS,
  seedLabelGroups,
  seedContacts,
  seedContactStream,
  userIdFor,
} from './seed-data';
export { seedDirectory, ROOT_DEPT_ID, ROOT_DEPT_NAME } from './directory-data';
export type {
  SandboxDepartment,
  SandboxDirectory,
  SandboxStaffMember,
  DirectorySize,
} from './directory-data';
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

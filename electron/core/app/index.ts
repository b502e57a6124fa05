// The backend behind the desktop app and web mode (see backend.ts).
export { createBackend, type Backend, type BackendOptions, type HostDialogs } from './backend';
export { memorySecretStore, type SecretStore, type StoredCredentials } from './secret-store';
export { AppError } from './app-error';
export { MAX_UPLOAD_BYTES } from './validate';
export type { Emit } from './context';

// The sandbox organisation's app credentials. Public on purpose: the sandbox holds no real data.
export const SANDBOX_APP_KEY = 'dingsandboxappkey0001';
export const SANDBOX_APP_SECRET = 'sandbox-secret-5f3c9a1e7b2d4c68a0e1f9b7d3c5a2e8';

// The sandbox organisation kept in the data dir, for `dtload --sandbox` and `dtload sandbox` alike.
import { startSandbox, type SandboxHandle } from './server';
import { createStateSaver, loadSandboxState } from './state-file';
import type { SandboxOptions } from './types';

/**
 * Starts the organisation saved at `statePath` (the seeded one when there is none) and saves it after each
 * write, before that write is answered: a kill -9 loses no write a client heard answered, as in DingTalk.
 * `close()` saves once more, then stops serving.
 */
export async function startSavedSandbox(
  statePath: string,
  opts: Omit<SandboxOptions, 'state' | 'onWrite'> = {},
): Promise<SandboxHandle> {
  let save = (): Promise<void> => Promise.resolve();
  const sandbox = await startSandbox({
    ...opts,
    state: await loadSandboxState(statePath),
    onWrite: () => save(),
  });
  save = createStateSaver(statePath, () => sandbox.state());
  return {
    ...sandbox,
    close: async () => {
      await save();
      await sandbox.close();
    },
  };
}

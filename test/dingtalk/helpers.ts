// A sandbox and a client pointed at it over loopback HTTP.
import {
  createDingTalkClient,
  type DingTalkClient,
  type DingTalkClientOptions,
} from '../../electron/core/dingtalk';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../electron/core/sandbox';

export async function sandboxWithClient(
  sandboxOpts: SandboxOptions = {},
  clientOpts: Partial<DingTalkClientOptions> = {},
): Promise<{ sb: SandboxHandle; client: DingTalkClient }> {
  const sb = await startSandbox(sandboxOpts);
  const client = createDingTalkClient({
    baseUrl: sb.baseUrl,
    appKey: sb.appKey,
    appSecret: sb.appSecret,
    ...clientOpts,
  });
  return { sb, client };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The rejection of `p`, asserting it rejects. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

// A sandbox organisation over loopback HTTP and a client for it.
import { createDingTalkClient, type DingTalkClient } from '../../electron/core/dingtalk';
import { startSandbox, type Sandbox } from '../../electron/core/sandbox';

export interface Org {
  sandbox: Sandbox;
  client: DingTalkClient;
}

export async function startOrg(contacts = 250): Promise<Org> {
  const sandbox = await startSandbox({ port: 0, contacts });
  const client = createDingTalkClient({
    baseUrl: sandbox.baseUrl,
    appKey: sandbox.appKey,
    appSecret: sandbox.appSecret,
  });
  return { sandbox, client };
}

/** Calls that change the organisation or could (writes), from the sandbox's own log. */
export const writes = (o: Org): number => o.sandbox.writeLog.length;

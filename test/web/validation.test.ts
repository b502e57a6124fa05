// Every contract method checks its argument before doing anything: a malformed payload is refused with
// a bad-request error that names the offending field, whichever method it is sent to.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type Envelope } from '../../shared/contract';
import { createBackend, memorySecretStore, type Backend } from '../../electron/core/app';

let dataDir: string;
let backend: Backend;
const sent: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dtload-validate-'));
  backend = createBackend({ dataDir, secrets: memorySecretStore(), emit: (e) => sent.push(e), host: 'web' });
});
afterAll(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

const refused = (res: Envelope<unknown>): string => {
  expect(res.ok).toBe(false);
  if (res.ok) return '';
  expect(res.error.kind).toBe('bad-request');
  return res.error.meaning;
};

describe('payload validation', () => {
  it.each(METHOD_NAMES)('%s refuses a payload of the wrong shape', async (method) => {
    expect(refused(await backend.dispatch(method, 'a string'))).toMatch(
      new RegExp(`^Invalid request: ${method}`),
    );
    expect(refused(await backend.dispatch(method, { unexpectedField: 1 }))).toMatch(
      /unexpectedField|must be left out|must be/,
    );
    expect(refused(await backend.dispatch(method, [1, 2]))).toMatch(/Invalid request/);
  });

  it('names the field and the rule', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'connect',
        { region: 'custom', appKey: '', appSecret: 's', remember: false },
        /connect\.appKey must not be empty/,
      ],
      [
        'connect',
        { region: 'mainland', appKey: 'k', appSecret: 's' },
        /connect\.remember must be true or false/,
      ],
      ['getPlanRows', { planId: 'p', filter: 'all', offset: -1, limit: 10 }, /offset must be a whole number/],
      [
        'getPlanRows',
        { planId: 'p', filter: 'all', offset: 0, limit: 5000 },
        /limit must be a whole number from 1 to 500/,
      ],
      ['planImport', { fileId: 'f', mapping: { A: 7 }, options: {} }, /mapping\["A"\] must be a field name/],
      ['uploadFile', { name: 'x.csv', data: 'not bytes' }, /data must be bytes/],
      ['updateSettings', { maxQps: 0 }, /maxQps must be a number from 1 to 40/],
      ['openSheet', { fileId: 'f', headerRow: 0 }, /headerRow must be a whole number from 1/],
      ['exportReport', { jobId: 'j', format: 'pdf' }, /format must be one of xlsx, csv, json/],
    ];
    for (const [method, args, re] of cases)
      expect(refused(await backend.dispatch(method, args)), method).toMatch(re);
  });

  it('refuses unknown methods and runs nothing for refused calls', async () => {
    expect(refused(await backend.dispatch('__proto__', {}))).toMatch(/Unknown method/);
    expect(refused(await backend.dispatch('constructor', {}))).toMatch(/Unknown method/);
    expect(sent).toEqual([]);
    expect(await backend.dispatch('getConnection', undefined)).toEqual({ ok: true, value: null });
  });

  it('checks direct calls too, not only dispatched ones', async () => {
    await expect(
      backend.getPlanRows({ planId: 'p', filter: 'nope' as never, offset: 0, limit: 1 }),
    ).rejects.toThrow(/filter must be one of/);
  });
});

// The organisation served from memory and the bare xlsx read the import and xlsx benches measure against.
import ExcelJS from 'exceljs';
import type { Contact, LabelGroup } from '../shared/domain';
import type { ImportClient } from '../electron/core/import';
import { seedDirectory } from '../electron/core/sandbox';
import { memoryDirectory } from './memory-directory';

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The organisation as DingTalk would answer it, from memory: this measures our code, not HTTP. `contacts`
 * generates the organisation afresh at each call, one contact at a time as the list is read (seedContactStream):
 * this process never holds the organisation, as dtload never holds DingTalk's, and each contact is a new
 * object, as a page of JSON over HTTP gives. Otherwise the server's copy would count in dtload's peak RSS.
 */
export function memoryClient(groups: LabelGroup[], contacts: () => Iterable<Contact>): ImportClient {
  // Built on the first get only (no bench gets): a list-only dry run must not pay for it in peak RSS.
  let byId: Map<string, Contact> | undefined;
  return {
    ...memoryDirectory(seedDirectory()),
    listLabelGroups: async () => groups,
    async *listContacts() {
      yield* contacts();
    },
    getContact: async (id) => {
      byId ??= new Map(Array.from(contacts(), (c) => [c.userid, c]));
      const c = byId.get(id);
      if (!c) throw Object.assign(new Error('not found'), { errcode: 60121 });
      return c;
    },
  };
}

/** exceljs' streaming read, every cell as text: what any xlsx import has to do at least. */
export async function bareXlsx(path: string): Promise<number> {
  let n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache' });
  for await (const ws of reader) {
    for await (const row of ws) {
      const cells: string[] = [];
      (row as ExcelJS.Row).eachCell(
        { includeEmpty: true },
        (cell) => void cells.push(String(cell.value ?? '')),
      );
      n++;
    }
  }
  return n;
}

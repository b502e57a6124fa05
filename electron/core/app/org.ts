// Organisation summary (contact count, label groups with colours), export and the import template.
import { randomBytes } from 'node:crypto';
import type {
  ExportArgs,
  ExportProgress,
  FileRef,
  LabelGroupView,
  OrgSummary,
} from '../../../shared/contract';
import type { LabelGroup } from '../../../shared/domain';
import { argbToHex } from '../../../shared/colors';
import { exportContacts, templateStaff, writeImportTemplate } from '../export';
import { readLabelGroups } from '../import';
import { createCoalescer } from './coalesce';
import type { BackendContext } from './context';

const stamp = (d = new Date()): string => d.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

export function toGroupViews(groups: readonly LabelGroup[]): LabelGroupView[] {
  return groups.map((g) => ({
    name: g.name,
    color: g.color,
    colorHex: argbToHex(g.color),
    labels: g.labels.map((l) => ({ id: l.id, name: l.name })),
  }));
}

export function createOrg(ctx: BackendContext) {
  /** Per connection (connectedAt): counting contacts reads every page, so it is not repeated casually. */
  let cache: { key: string; summary: OrgSummary; groups: LabelGroup[] } | undefined;

  const labelGroups = async (): Promise<LabelGroup[]> => {
    const live = ctx.connection.require();
    if (cache?.key === live.info.connectedAt) return cache.groups;
    return readLabelGroups(live.client);
  };

  return {
    labelGroups,

    async summary(refresh: boolean): Promise<OrgSummary> {
      const live = ctx.connection.require();
      if (!refresh && cache?.key === live.info.connectedAt) return cache.summary;
      const groups = await readLabelGroups(live.client);
      let contactCount = 0;
      // DingTalk gives no total: the whole list is read, each page asked for while the last is counted.
      for await (const _c of live.client.listContacts({ readAhead: () => true })) contactCount++;
      const summary: OrgSummary = {
        contactCount,
        labelGroups: toGroupViews(groups),
        fetchedAt: new Date().toISOString(),
      };
      cache = { key: live.info.connectedAt, summary, groups };
      return summary;
    },

    async exportContacts(args: ExportArgs): Promise<FileRef> {
      const live = ctx.connection.require();
      const exportId = randomBytes(6).toString('hex');
      const total = cache?.key === live.info.connectedAt ? cache.summary.contactCount : null;
      const progress = createCoalescer<ExportProgress>({
        intervalMs: 200,
        key: (p) => p.exportId,
        urgent: (p, last) => p.phase !== last?.phase,
        send: (p) => ctx.emit('export:progress', p),
      });
      const path = await ctx.files.outputPath(`dtload-export-${stamp()}.${args.format}`);
      progress.push({ exportId, phase: 'contacts', done: 0, total });
      try {
        const res = await exportContacts({
          client: live.client,
          // Owners and sharing by name, from the connection's directory (read once, shared).
          directory: live.directory,
          language: await ctx.lang(),
          path,
          onProgress: (done) => progress.push({ exportId, phase: 'contacts', done, total }),
        });
        progress.push({ exportId, phase: 'done', done: res.contacts, total: res.contacts });
      } catch (e) {
        progress.push({ exportId, phase: 'failed', done: 0, total });
        throw e;
      } finally {
        progress.close();
      }
      return ctx.files.toRef(await ctx.files.hold(path));
    },

    async template(): Promise<FileRef> {
      const groups = await labelGroups();
      const path = await ctx.files.outputPath('dtload-import-template.xlsx');
      const lang = await ctx.lang();
      // The connection's directory (read once, shared): staff names for the owner and sharing drop-downs.
      const people = await templateStaff(ctx.connection.require().directory, lang);
      await writeImportTemplate(path, groups, { lang, ...(people.staff ? { staff: people.staff } : {}) });
      return ctx.files.toRef(await ctx.files.hold(path));
    },

    forget(): void {
      cache = undefined;
    },
  };
}

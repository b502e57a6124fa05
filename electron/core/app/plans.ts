// Sheets, mappings and dry-run plans: open a file, map its columns, plan an import or a delete, page
// through the plan. Plans live in memory until applied (then beside the job, see jobs.ts).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type {
  AutoMapArgs,
  FileRef,
  MappingView,
  OpenSheetArgs,
  PlanDeleteArgs,
  PlanFilter,
  PlanImportArgs,
  PlanProgress,
  PlanRowsArgs,
  PlanRowsPage,
  PlanSummary,
  SaveMappingArgs,
  SheetPreview,
  TargetOption,
  JobOrigin,
  UndoInfo,
} from '../../../shared/contract';
import type { LabelGroup } from '../../../shared/domain';
import { CONTACT_FIELDS } from '../../../shared/fields';
import { translate } from '../../../shared/i18n';
import type {
  ContactFieldKey,
  ImportOptions,
  ImportPlan,
  ImportPlanProgress,
  MappingFile,
  PlannedRow,
} from '../../../shared/import-types';
import {
  autoMap,
  isKnownHeader,
  parseMapping,
  planDelete,
  planImport,
  saveMapping,
  ImportInputError,
} from '../import';
import { openSheet } from '../sheets';
import { AppError, notFound } from './app-error';
import { createCoalescer } from './coalesce';
import type { BackendContext } from './context';
import type { HeldFile } from './file-store';

const PREVIEW_ROWS = 20;

export interface HeldPlan {
  planId: string;
  plan: ImportPlan;
  /** null for a plan made from a query (the contacts workspace). */
  file: HeldFile | null;
  /** The sheet's name, or what a workspace plan selects ("label:VIP → add label Core"). */
  source: string;
  options: ImportOptions | null;
  createdAt: string;
  /** The connection the plan was read from (Live.identity). */
  identity: string;
  /** An undo's plan: the job it undoes. */
  undo?: UndoInfo;
  /** A workspace plan's kind of action (bulk edit, hand-over, merge). */
  origin?: JobOrigin;
}

export function targetOptions(groups: readonly LabelGroup[]): TargetOption[] {
  return [
    ...CONTACT_FIELDS.map((f): TargetOption => ({
      target: f.field as ContactFieldKey,
      key: f.field,
      label: f.field,
      kind: 'field',
      ...(f.readOnlyOnUpdate ? { readOnlyOnUpdate: true } : {}),
    })),
    { target: 'labels', key: 'labels', label: 'labels', kind: 'labels' },
    ...groups.map((g): TargetOption => ({
      target: { group: g.name },
      key: `group:${g.name}`,
      label: g.name,
      kind: 'label-group',
    })),
    { target: 'ignore', key: 'ignore', label: 'ignore', kind: 'ignore' },
  ];
}

const matches = (r: PlannedRow, filter: PlanFilter): boolean => {
  switch (filter) {
    case 'all':
      return true;
    case 'changed':
      return r.action === 'create' || r.action === 'update' || r.action === 'delete';
    case 'warnings':
      return r.warnings.length > 0;
    default:
      return r.action === filter;
  }
};

/** Plans kept at once; older dry runs are dropped (each can hold a 100k-row sheet). */
const MAX_PLANS = 8;

export function createPlans(ctx: BackendContext, labelGroups: () => Promise<LabelGroup[]>) {
  const plans = new Map<string, HeldPlan>();

  const open = (file: HeldFile, args: { sheet?: string; headerRow?: number; encoding?: string }) =>
    openSheet(file.path, {
      sheet: args.sheet,
      headerRow: args.headerRow,
      ...(args.encoding ? { encoding: args.encoding } : {}),
      isKnownHeader,
    });

  const keep = (held: HeldPlan): PlanSummary => {
    plans.set(held.planId, held);
    while (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
    const m = held.plan.mapping;
    return {
      planId: held.planId,
      kind: held.plan.kind,
      ...(held.file ? { file: ctx.files.toRef(held.file) } : {}),
      source: held.source,
      counts: { ...held.plan.summary },
      warnings: held.plan.rows.filter((r) => r.warnings.length > 0).length,
      ignoredColumns: [...m.unrecognised],
      mappingWarnings: [...m.warnings],
      ...(held.undo ? { undo: { ...held.undo } } : {}),
    };
  };

  // A 100k-row sheet reports progress per page and per thousand rows: a few events a second are plenty.
  const progress = createCoalescer<PlanProgress>({
    intervalMs: 200,
    key: (p) => p.fileId,
    urgent: (p, last) => p.phase !== last?.phase,
    send: (p) => ctx.emit('plan:progress', p),
  });
  const planProgress = (fileId: string) => (p: ImportPlanProgress) =>
    progress.push({ fileId, phase: p.phase, done: p.done, total: p.total ?? null });

  return {
    get(planId: string): HeldPlan {
      const p = plans.get(planId);
      if (!p) throw notFound('That dry run is no longer available.', 'Run the dry run again.');
      return p;
    },

    async openSheet(args: OpenSheetArgs): Promise<SheetPreview> {
      const file = ctx.files.get(args.fileId);
      const src = await open(file, args);
      const rows = await src.preview(PREVIEW_ROWS);
      const lang = await ctx.lang();
      return {
        file: ctx.files.toRef(file),
        sheets: src.info.sheets,
        sheet: src.info.sheet,
        headerRow: src.info.headerRow,
        headers: src.info.headers,
        ...(src.info.encoding
          ? { encoding: src.info.encoding, encodingSource: src.info.encodingSource }
          : {}),
        notes: src.info.notes.map((n) => n.text[lang]),
        rows: rows.map((r) => ({ row: r.row, cells: r.cells })),
      };
    },

    async autoMap(args: AutoMapArgs): Promise<MappingView> {
      const file = ctx.files.get(args.fileId);
      const src = await open(file, args);
      const groups = ctx.connection.current() ? await labelGroups() : [];
      const result = autoMap(
        src.info.headers,
        groups,
        args.mapping ? parseMapping(args.mapping, undefined, await ctx.lang()) : undefined,
        await ctx.lang(),
      );
      const mapping: MappingFile = Object.fromEntries(
        result.columns.filter((c) => c.header.trim() !== '').map((c) => [c.header, c.target]),
      );
      return { result, mapping, targets: targetOptions(groups) };
    },

    async saveMapping(args: SaveMappingArgs): Promise<FileRef> {
      const mapping = parseMapping(args.mapping, undefined, await ctx.lang());
      const base = (args.name ?? 'dtload-mapping').replace(/\.json$/i, '');
      const path = await ctx.files.outputPath(`${base}.json`);
      await saveMapping(path, mapping);
      return ctx.files.toRef(await ctx.files.hold(path));
    },

    async loadMapping(fileId: string): Promise<MappingFile> {
      const file = ctx.files.get(fileId);
      const lang = await ctx.lang();
      let data: unknown;
      try {
        data = JSON.parse((await readFile(file.path, 'utf8')).replace(/^\uFEFF/, ''));
      } catch {
        throw new ImportInputError(translate(lang, 'mapping.notMappingFile', { name: file.name }));
      }
      return parseMapping(data, file.name, lang);
    },

    async planImport(args: PlanImportArgs): Promise<PlanSummary> {
      const { client, identity, directory } = ctx.connection.require();
      const file = ctx.files.get(args.fileId);
      const plan = await planImport({
        // One directory read per connection, shared by every dry run and the apply that follows.
        directory,
        source: await open(file, args),
        mapping: parseMapping(args.mapping, undefined, await ctx.lang()),
        // Row messages come in the admin's language.
        options: { ...args.options, language: await ctx.lang() },
        client,
        onProgress: planProgress(file.fileId),
      });
      return keep({
        planId: newPlanId(),
        plan,
        file,
        source: file.name,
        options: args.options,
        createdAt: new Date().toISOString(),
        identity,
      });
    },

    async planDelete(args: PlanDeleteArgs): Promise<PlanSummary> {
      const { client, identity } = ctx.connection.require();
      const file = ctx.files.get(args.fileId);
      const plan = await planDelete({
        source: await open(file, args),
        client,
        language: await ctx.lang(),
        onProgress: planProgress(file.fileId),
      });
      return keep({
        planId: newPlanId(),
        plan,
        file,
        source: file.name,
        options: null,
        createdAt: new Date().toISOString(),
        identity,
      });
    },

    rows(args: PlanRowsArgs): PlanRowsPage {
      const { plan } = this.get(args.planId);
      const hits = args.filter === 'all' ? plan.rows : plan.rows.filter((r) => matches(r, args.filter));
      return {
        total: hits.length,
        offset: args.offset,
        items: hits.slice(args.offset, args.offset + args.limit),
        counts: { ...plan.summary },
      };
    },

    /** Holds a plan made elsewhere (a bulk edit or merge of the contacts workspace) for the diff and apply. */
    hold(
      plan: ImportPlan,
      source: string,
      identity: string,
      extra: { undo?: UndoInfo; origin?: JobOrigin } = {},
    ): PlanSummary {
      return keep({
        planId: newPlanId(),
        plan,
        file: null,
        source,
        options: null,
        createdAt: new Date().toISOString(),
        identity,
        ...(extra.undo ? { undo: extra.undo } : {}),
        ...(extra.origin ? { origin: extra.origin } : {}),
      });
    },

    /** A plan to apply now: made on this very connection (the diff was read from this organisation). */
    forApply(planId: string): HeldPlan {
      const p = this.get(planId);
      if (p.identity !== ctx.connection.require().identity) {
        throw new AppError(
          'conflict',
          'This dry run was made on another connection.',
          'Run the dry run again on the organisation you are connected to.',
        );
      }
      return p;
    },

    /**
     * Applies a plan once: it is taken before `start` awaits anything, so a second apply of it while the
     * first is starting (a double click, a second dialog) finds it gone instead of sending every write
     * again. A start that fails (a check, the backup) puts it back, to be tried again.
     */
    async applyOnce<T>(planId: string, start: (held: HeldPlan) => Promise<T>): Promise<T> {
      const held = this.forApply(planId);
      plans.delete(planId);
      try {
        return await start(held);
      } catch (e) {
        keep(held);
        throw e;
      }
    },
  };
}

const newPlanId = (): string => `plan-${randomBytes(8).toString('hex')}`;

export type Plans = ReturnType<typeof createPlans>;

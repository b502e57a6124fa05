// The backend: implements every contract method once, for the Electron main process and web mode.
// It holds the connection (and the only copy of the secret), the files the UI works on, the dry-run
// plans and the running jobs; the UI gets plain data and events, and every error explained.
import type { SandboxFaults } from '../sandbox';
import { copyFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  Capabilities,
  Envelope,
  ErrorInfo,
  FileRef,
  FilePurpose,
  JobSummary,
  MethodArgs,
  MethodName,
  MethodResult,
  Methods,
} from '../../../shared/contract';
import { METHOD_NAMES } from '../../../shared/contract';
import { backupBeforeDelete } from '../import';
import { AppError, appError } from './app-error';
import { createConnectionManager } from './connection';
import type { BackendContext, Emit } from './context';
import { createRedactor, toErrorInfo } from './errors';
import { createFileStore } from './file-store';
import { createJobs } from './jobs';
import { createOrg } from './org';
import { createPeople } from './people';
import { createPlans } from './plans';
import { createRecentFiles } from './recent-files';
import type { SecretStore } from './secret-store';
import { createSettingsStore } from './settings';
import { checkArgs } from './validate';
import { createUndo } from './undo';
import { createWorkspace } from './workspace';

/** Native dialogs, provided by the Electron shell. Web mode has none: its api adapter uploads/downloads. */
export interface HostDialogs {
  /** An absolute path the admin picked, or null when cancelled. */
  openFile(purpose: FilePurpose): Promise<string | null>;
  /** Where to save a file named `suggestedName`, or null when cancelled. */
  saveFile(suggestedName: string): Promise<string | null>;
}

export interface BackendOptions {
  dataDir: string;
  secrets: SecretStore;
  emit: Emit;
  host: 'electron' | 'web';
  dialogs?: HostDialogs;
  /** app.addRecentDocument in Electron. */
  onRecentFile?: (path: string) => void;
  version?: string;
  /** Offer the built-in sandbox organisation (default true). */
  sandboxAvailable?: boolean;
  /** Seed size etc. of the sandbox organisation (tests use small ones). */
  sandbox?: { contacts?: number; latencyMs?: number; faults?: SandboxFaults };
}

export interface Backend extends Methods {
  /** Runs a method from an untrusted caller (IPC, WebSocket): checks, runs, answers an Envelope. */
  dispatch(method: string, args: unknown): Promise<Envelope<unknown>>;
  /** Explains any error as the UI sees it (secrets scrubbed). */
  explain(e: unknown): Promise<ErrorInfo>;
  /** Holds a file the OS handed us (open-with, dock drop) and records it as recent. */
  openPath(path: string): Promise<FileRef>;
  /** A held file for a download (web mode), by id; throws not-found. */
  heldFile(fileId: string): { path: string; name: string; size: number };
  /** Jobs found interrupted (the app or machine stopped mid-job). */
  interruptedJobs(): Promise<JobSummary[]>;
  /** Settles once remembered credentials have been tried. */
  ready: Promise<void>;
  /** Interrupts running jobs (resumable) and stops the sandbox. */
  close(): Promise<void>;
}

export function createBackend(opts: BackendOptions): Backend {
  const settings = createSettingsStore(opts.dataDir);
  const files = createFileStore(opts.dataDir);
  const recent = createRecentFiles(opts.dataDir, opts.onRecentFile);
  const connection = createConnectionManager({
    secrets: opts.secrets,
    maxQps: async () => (await settings.get()).maxQps,
    onChange: (info) => opts.emit('connection:changed', info),
    sandbox: opts.sandbox,
    dataDir: opts.dataDir,
  });
  const ctx: BackendContext = {
    dataDir: opts.dataDir,
    emit: opts.emit,
    files,
    recent,
    settings,
    connection,
    lang: async () => (await settings.get()).language,
  };
  // Secrets out, and an upload named as the admin gave it, never by its internal path.
  const redactSecrets = createRedactor(() => connection.secrets());
  const redact = (text: string): string => files.asGiven(redactSecrets(text));
  const explain = async (e: unknown): Promise<ErrorInfo> => toErrorInfo(e, await ctx.lang(), redact);
  const org = createOrg(ctx);
  const plans = createPlans(ctx, org.labelGroups);
  const jobs = createJobs(ctx, explain);
  const workspace = createWorkspace(ctx, plans);
  const people = createPeople(ctx, plans, workspace, redact);
  const undo = createUndo(ctx, plans, jobs);
  const sandboxAvailable = opts.sandboxAvailable ?? true;

  // Housekeeping and the remembered connection; never rejects (a failed restore leaves us disconnected).
  const ready = (async () => {
    await files.sweep().catch(() => {});
    await connection.restore().catch(() => null);
  })();

  const holdPath = async (path: string): Promise<FileRef> => {
    const f = await files.hold(path);
    await recent.add(path, basename(path));
    return files.toRef(f);
  };

  const impl: Methods = {
    async getCapabilities(): Promise<Capabilities> {
      const note = opts.secrets.unavailableReason();
      return {
        host: opts.host,
        nativeDialogs: Boolean(opts.dialogs),
        secretsPersist: opts.secrets.persistent && note === undefined,
        ...(note ? { secretsNote: note } : {}),
        sandboxAvailable,
        version: opts.version ?? '0.0.0',
        platform: process.platform,
      };
    },

    async connect(args) {
      await ready;
      org.forget();
      return connection.connect(args);
    },
    async connectSandbox() {
      if (!sandboxAvailable) throw appError('unsupported', 'error.noSandbox');
      org.forget();
      return connection.connectSandbox();
    },
    async testConnection(args) {
      const started = Date.now();
      try {
        return await connection.test(args ?? undefined);
      } catch (e) {
        // A refused key, a wrong host, a missing permission: an answer to show, not a failure of the call.
        return { ok: false, latencyMs: Date.now() - started, error: await explain(e) };
      }
    },
    async getConnection() {
      await ready;
      const live = connection.current();
      return live ? { ...live.info } : null;
    },
    async disconnect(args) {
      org.forget();
      await connection.disconnect(Boolean(args?.forget));
    },

    getOrgSummary: async (args) => org.summary(Boolean(args?.refresh)),
    exportContacts: (args) => org.exportContacts(args),
    downloadTemplate: () => org.template(),

    async openFileDialog(args) {
      if (!opts.dialogs) throw appError('unsupported', 'error.noOpenDialog', 'error.noOpenDialog.fix');
      const path = await opts.dialogs.openFile(args.purpose);
      if (!path) return null;
      if (args.purpose === 'mapping') return files.toRef(await files.hold(path));
      return holdPath(path);
    },
    uploadFile: async (args) => files.toRef(await files.upload(args.name, args.data)),
    async saveFile(args) {
      const f = files.get(args.fileId);
      if (!opts.dialogs) throw appError('unsupported', 'error.noSaveDialog', 'error.noSaveDialog.fix');
      const target = await opts.dialogs.saveFile(args.suggestedName ?? f.name);
      if (!target) return { saved: false };
      await copyFile(f.path, target);
      return { saved: true, path: target };
    },
    listRecentFiles: () => recent.list(),
    async openRecentFile(args) {
      // The renderer may only name paths dtload itself recorded.
      if (!(await recent.has(args.path))) throw appError('not-found', 'error.notRecent');
      return holdPath(args.path);
    },
    clearRecentFiles: () => recent.clear(),

    openSheet: (args) => plans.openSheet(args),
    autoMap: (args) => plans.autoMap(args),
    saveMapping: (args) => plans.saveMapping(args),
    loadMapping: (args) => plans.loadMapping(args.fileId),
    planImport: (args) => plans.planImport(args),
    getPlanRows: async (args) => plans.rows(args),
    applyPlan: (args) =>
      plans.applyOnce(args.planId, async (held) => {
        if (held.plan.kind !== 'import') {
          throw new AppError(
            'conflict',
            'A delete plan is applied with applyDelete (it makes a backup first).',
          );
        }
        // A merge of duplicates deletes contacts too: they are backed up first, as a delete's are.
        const backup = held.plan.ops.some((op) => op.kind === 'delete')
          ? await backupBeforeDelete({
              plan: held.plan,
              client: connection.require().client,
              directory: connection.require().directory,
              dataDir: opts.dataDir,
            })
          : undefined;
        const jobId = await jobs.start(held.plan, {
          kind: 'import',
          source: held.source,
          mode: 'apply',
          options: {
            ...held.options,
            ...(held.origin ? { origin: held.origin } : {}),
            ...(backup ? { backup: basename(backup.path) } : {}),
          },
        });
        return { jobId };
      }),

    planDelete: (args) => plans.planDelete(args),
    async applyDelete(args) {
      const { jobId, backup } = await plans.applyOnce(args.planId, async (held) => {
        if (held.plan.kind !== 'delete') throw new AppError('conflict', 'That plan is not a delete plan.');
        if (args.confirmCount !== held.plan.summary.delete) {
          throw new AppError(
            'conflict',
            `The confirmation says ${args.confirmCount} but the plan deletes ${held.plan.summary.delete} contacts.`,
            'Type the number of contacts to delete to confirm.',
          );
        }
        const { client, directory } = connection.require();
        const backup = await backupBeforeDelete({
          plan: held.plan,
          client,
          directory,
          dataDir: opts.dataDir,
          lang: await ctx.lang(),
        });
        const jobId = await jobs.start(held.plan, {
          kind: 'delete',
          source: held.source,
          mode: 'apply',
          options: { backup: basename(backup.path) },
        });
        return { jobId, backup };
      });
      return { jobId, backup: files.toRef(await files.hold(backup.path)) };
    },

    listJobs: () => jobs.list(),
    getJob: (args) => jobs.get(args.jobId),
    pauseJob: async (args) => jobs.pause(args.jobId),
    resumeJob: async (args) => ({ jobId: await jobs.resume(args.jobId) }),
    cancelJob: async (args) => jobs.cancel(args.jobId),
    getReportRows: (args) => jobs.reportRows(args),
    exportReport: (args) => jobs.exportReport(args),
    exportFailedRows: (args) => jobs.exportFailedRows(args),
    retryFailedRows: async (args) => ({ jobId: await jobs.retryFailed(args.jobId) }),
    planUndo: (args) => undo.plan(args),
    applyUndo: (args) => undo.apply(args),

    getContactIndex: () => workspace.getContactIndex(),
    refreshContactIndex: () => workspace.refreshContactIndex(),
    queryContacts: (args) => workspace.queryContacts(args),
    getContactDetail: (args) => workspace.getContactDetail(args),
    getLabelOverview: () => workspace.getLabelOverview(),
    planContactEdit: (args) => workspace.planContactEdit(args),
    exportSelection: (args) => workspace.exportSelection(args),
    findDuplicates: () => workspace.findDuplicates(),
    planMergeDuplicates: (args) => workspace.planMergeDuplicates(args),
    searchStaff: (args) => people.searchStaff(args),
    planReassign: (args) => people.planReassign(args),
    getDirectoryInfo: () => people.getDirectoryInfo(),
    refreshDirectory: () => people.refreshDirectory(),

    getSettings: () => settings.get(),
    async updateSettings(args) {
      const before = await settings.get();
      const next = await settings.update(args);
      if (next.maxQps !== before.maxQps) connection.setMaxQps(next.maxQps);
      return next;
    },
  };

  // Every method checks its argument before running, whoever calls it.
  const checked = {} as Record<MethodName, (args: unknown) => Promise<unknown>>;
  for (const name of METHOD_NAMES) {
    const fn = impl[name] as (args: unknown) => Promise<unknown>;
    checked[name] = async (args: unknown) => {
      checkArgs(name, args);
      return fn(args);
    };
  }

  const dispatch = async (method: string, args: unknown): Promise<Envelope<unknown>> => {
    try {
      if (!(METHOD_NAMES as readonly string[]).includes(method)) {
        throw new AppError('bad-request', `Unknown method "${method.slice(0, 60)}".`);
      }
      return { ok: true, value: await checked[method as MethodName](args) };
    } catch (e) {
      return { ok: false, error: await explain(e) };
    }
  };

  return {
    ...(checked as unknown as Methods),
    dispatch,
    explain,
    openPath: holdPath,
    heldFile: (fileId) => {
      const f = files.get(fileId);
      return { path: f.path, name: f.name, size: f.size };
    },
    interruptedJobs: () => jobs.interrupted(),
    ready,
    async close() {
      await jobs.interruptAll();
      await connection.close();
    },
  };
}

/** Typed call helper for tests and hosts: `call(backend, 'openSheet', args)`. */
export function call<K extends MethodName>(
  b: Methods,
  method: K,
  args: MethodArgs<K>,
): Promise<MethodResult<K>> {
  return (b[method] as (a: MethodArgs<K>) => Promise<MethodResult<K>>)(args);
}

// People for the app: the staff picker's search, handing over contacts (交接客户, the plan `dtload reassign`
// makes, held beside the other dry runs and applied with applyPlan) and the cached directory's age and
// refresh, and why its last read failed. All of it on the connection's one DirectoryService.
import type {
  DirectoryInfo,
  DirectoryReadProgress,
  PlanReassignArgs,
  PlanSummary,
  SearchStaffArgs,
  StaffOption,
} from '../../../shared/contract';
import { translate } from '../../../shared/i18n';
import {
  directoryPeople,
  EditInputError,
  planEdit,
  reassignTexts,
  searchStaff,
  selectReassign,
} from '../contacts';
import type { Directory } from '../directory';
import { AppError } from './app-error';
import { createCoalescer } from './coalesce';
import type { BackendContext } from './context';
import { directoryReadInfo } from './errors';
import type { Plans } from './plans';
import type { Workspace } from './workspace';

const infoOf = (dir: Directory | undefined): DirectoryInfo => ({
  readAt: dir?.readAt ?? null,
  staff: dir?.staff.size ?? 0,
  // The root is not a department an admin counts.
  departments: dir ? dir.departments.size - 1 : 0,
});

export function createPeople(
  ctx: BackendContext,
  plans: Plans,
  workspace: Workspace,
  redact: (text: string) => string,
) {
  const service = () => ctx.connection.require().directory;
  // A read is a page per call; the screens need a few updates a second.
  const progress = createCoalescer<DirectoryReadProgress>({
    intervalMs: 200,
    key: () => 'directory',
    urgent: () => false,
    send: (p) => ctx.emit('directory:progress', p),
  });

  return {
    async getDirectoryInfo(): Promise<DirectoryInfo> {
      const s = ctx.connection.current()?.directory;
      const info = infoOf(s?.cached());
      // A read that failed elsewhere (a dry run, the table's names) is said here too, until one succeeds.
      const failure = s?.lastFailure();
      if (failure)
        info.lastError = { ...directoryReadInfo(failure, await ctx.lang(), redact), at: failure.at };
      return info;
    },

    async refreshDirectory(): Promise<DirectoryInfo> {
      let dir: Directory;
      try {
        dir = await service().refresh((p) => progress.push({ ...p }));
      } finally {
        progress.flush('directory');
      }
      workspace.directoryRefreshed(directoryPeople(dir, await ctx.lang()));
      return infoOf(dir);
    },

    async searchStaff(args: SearchStaffArgs): Promise<StaffOption[]> {
      const s = service();
      const dir = await s.get();
      await s.lookupMobiles(dir, [args.text]);
      const index = await workspace.loaded();
      return searchStaff(
        dir,
        index.all().map((c) => c.c),
        {
          text: args.text,
          ...(args.includeLeft !== undefined ? { includeLeft: args.includeLeft } : {}),
          ...(args.limit !== undefined ? { limit: args.limit } : {}),
        },
      );
    },

    async planReassign(args: PlanReassignArgs): Promise<PlanSummary> {
      const { client, identity } = ctx.connection.require();
      const lang = await ctx.lang();
      const s = service();
      const dir = await s.get();
      await s.lookupMobiles(dir, reassignTexts(args));
      const index = await workspace.loaded();
      let sel;
      try {
        sel = selectReassign(
          args,
          dir,
          index.all().map((c) => c.c),
          lang,
        );
      } catch (e) {
        if (e instanceof EditInputError) throw new AppError('input', e.message);
        throw e;
      }
      if (sel.userIds.length === 0) {
        throw new AppError(
          'input',
          translate(lang, 'reassign.none', {
            from: sel.fromLabel,
            shares: args.alsoShares ? translate(lang, 'reassign.noneShared') : '',
          }),
        );
      }
      const plan = await planEdit({
        userIds: sel.userIds,
        action: sel.action,
        client,
        groups: index.labelGroups,
        lang,
        labels: { personLabel: (u) => dir.personLabel(u), deptLabel: (d) => dir.departmentLabel(d) },
        onFresh: (fresh) => index.upsert(fresh),
      });
      const source = translate(lang, 'reassign.source', { from: sel.fromLabel, to: sel.toLabel });
      return plans.hold(plan, source, identity, { origin: 'handover' });
    },
  };
}

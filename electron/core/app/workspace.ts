// The contacts workspace for the app: the organisation's local index (read at the rate limit, with
// 'contacts:progress'), query pages for the virtual table, a contact's detail and job history, the label
// overview, and bulk actions / merges as dry-run plans held beside the import's (applyPlan, applyDelete).
import type {
  ContactDetail,
  ContactIndexInfo,
  ContactIndexProgress,
  ContactRowView,
  ContactSelection,
  ContactsPage,
  DuplicatesView,
  ExportSelectionArgs,
  FileRef,
  LabelOverview,
  PlanContactEditArgs,
  PlanMergeDuplicatesArgs,
  PlanSummary,
  QueryContactsArgs,
} from '../../../shared/contract';
import type { Contact } from '../../../shared/domain';
import { argbToHex } from '../../../shared/colors';
import { translate } from '../../../shared/i18n';
import type { DirectoryService } from '../directory';
import {
  directoryPeople,
  EditInputError,
  exportMatches,
  findDuplicates,
  isEmptyRequest,
  openIndex,
  planEdit,
  planMerge,
  QueryError,
  resolveEdit,
  resolverLabels,
  type ContactIndex,
  type DuplicateGroup,
  type PeopleResolver,
} from '../contacts';
import { AppError, notFound } from './app-error';
import { createCoalescer } from './coalesce';
import type { BackendContext } from './context';
import type { Plans } from './plans';

export function toRowView(c: Contact, people?: PeopleResolver): ContactRowView {
  const ownerName = people?.personName(c.follower_user_id);
  return {
    userid: c.userid,
    name: c.name,
    ...(c.mobile ? { mobile: c.mobile } : {}),
    ...(c.state_code ? { stateCode: c.state_code } : {}),
    ...(c.email ? { email: c.email } : {}),
    ...(c.company_name ? { company: c.company_name } : {}),
    ...(c.title ? { title: c.title } : {}),
    ...(c.address ? { address: c.address } : {}),
    ...(c.remark ? { remark: c.remark } : {}),
    owner: c.follower_user_id,
    ...(ownerName ? { ownerName } : {}),
    labels: c.label_ids ?? [],
    shareUsers: c.share_user_ids ?? [],
    shareDepts: c.share_dept_ids ?? [],
    ...(people
      ? {
          shareUserNames: (c.share_user_ids ?? []).map((u) => people.personName(u) ?? u),
          shareDeptNames: (c.share_dept_ids ?? []).map((d) => people.deptName(d) ?? String(d)),
        }
      : {}),
  };
}

/** How long the table waits for the staff directory's names before it answers with ids. */
const NAMES_WAIT_MS = 1500;

const info = (index: ContactIndex): ContactIndexInfo => ({
  loaded: index.loaded,
  size: index.size,
  refreshedAt: index.refreshedAt,
});

/** Bad input in a bulk action: one line for the UI, as the CLI says it. */
const inputError = (e: unknown): never => {
  if (e instanceof QueryError || e instanceof EditInputError) throw new AppError('input', e.message);
  throw e;
};

/** Whether a query or action names people or departments (only then is the staff directory read). */
const PEOPLE_KEYS = /(^|\s|-)(owner|shared-user|shared-dept|负责人|共享员工|共享部门)[:：]/i;

export function createWorkspace(ctx: BackendContext, plans: Plans) {
  // The connection's staff directory (read on first need, through the client's limiter; shared with
  // import plans and exports, refreshed from the screens).
  const service = (): DirectoryService => ctx.connection.require().directory;
  let resolver: PeopleResolver | undefined;
  /** The resolver when the directory has been read (owner names in the table), without reading it. */
  const people = (): PeopleResolver | undefined => resolver;
  /** Reads the directory when needed; a directory that cannot be read leaves people as ids. */
  const peopleFor = async (needed: boolean): Promise<PeopleResolver | undefined> => {
    const s = service();
    if (!needed) {
      // Read by someone else (an import, the hand-over, a refresh): names without a call.
      const cached = s.cached();
      if (cached && !resolver) resolver = directoryPeople(cached, await ctx.lang());
      return people();
    }
    try {
      const dir = await s.get();
      resolver = directoryPeople(dir, await ctx.lang());
    } catch {
      resolver = undefined;
    }
    return resolver;
  };

  let namesFailed: string | undefined;
  /**
   * Names for the table and the detail panel: the directory when it is read within NAMES_WAIT_MS, else ids
   * (the read goes on and later pages have names). A directory that cannot be read is not tried again for
   * that connection: the table then shows ids.
   */
  const namesSoon = async (): Promise<PeopleResolver | undefined> => {
    const identity = ctx.connection.require().identity;
    if (resolver || namesFailed === identity) return resolver;
    const read = peopleFor(true).then((r) => {
      if (!r) namesFailed = identity;
      return r;
    });
    return Promise.race([
      read,
      new Promise<void>((r) => void setTimeout(r, NAMES_WAIT_MS).unref()).then(() => people()),
    ]);
  };

  /**
   * The last query's sorted matches: the table asks for them a block at a time as it scrolls, and each block
   * must not filter and sort 100,000 contacts again. Kept while the index, query, sort, language and names
   * stay the same.
   */
  let lastHits:
    | {
        index: ContactIndex;
        revision: number;
        key: string;
        who: PeopleResolver | undefined;
        hits: ReturnType<ContactIndex['search']>;
      }
    | undefined;

  let refreshing: Promise<ContactIndexInfo> | undefined;
  let lastDuplicates: { identity: string; groups: DuplicateGroup[] } | undefined;

  const progress = createCoalescer<ContactIndexProgress>({
    intervalMs: 200,
    key: () => 'index',
    urgent: (p, last) => p.phase !== last?.phase,
    send: (p) => ctx.emit('contacts:progress', p),
  });

  /** The table sorts: the index builds its column orders in the background from when it opens. */
  const index = async (): Promise<ContactIndex> => {
    const i = await openIndex(ctx.dataDir, ctx.connection.require().identity);
    i.prepareSorting();
    return i;
  };

  /** The index, read in full first when it never was. */
  const loaded = async (): Promise<ContactIndex> => {
    const i = await index();
    if (!i.loaded) await api.refreshContactIndex();
    return i;
  };

  const selected = async (
    sel: ContactSelection,
  ): Promise<{ ids: string[]; source: string; index: ContactIndex }> => {
    const i = await loaded();
    const lang = await ctx.lang();
    if ('query' in sel) {
      const who = await peopleFor(PEOPLE_KEYS.test(sel.query));
      let hits;
      try {
        hits = i.search(sel.query, { lang, ...(who ? { people: who } : {}) });
      } catch (e) {
        return inputError(e);
      }
      return { ids: hits.map((c) => c.c.userid), source: sel.query.trim() || '*', index: i };
    }
    const ids = [...new Set(sel.userIds)];
    return { ids, source: translate(lang, 'ws.selectedSource', { count: ids.length }), index: i };
  };

  const api = {
    /** The index, read in full first when it never was (for the people module). */
    loaded,
    /** The resolver after the directory was read again (names in the table follow a refresh). */
    directoryRefreshed: (r: PeopleResolver) => void (resolver = r),

    async getContactIndex(): Promise<ContactIndexInfo> {
      return info(await index());
    },

    refreshContactIndex(): Promise<ContactIndexInfo> {
      if (!refreshing) {
        refreshing = (async () => {
          const i = await index();
          // The staff directory's names for the table, read meanwhile (their own endpoints and budget).
          void namesSoon();
          try {
            await i.refresh(ctx.connection.require().client, (p) => progress.push(p));
          } catch (e) {
            progress.push({ phase: 'failed', done: 0, total: null });
            throw e;
          } finally {
            progress.flush('index');
          }
          return info(i);
        })().finally(() => (refreshing = undefined));
      }
      return refreshing;
    },

    async queryContacts(args: QueryContactsArgs): Promise<ContactsPage> {
      const i = await index();
      const started = performance.now();
      const lang = await ctx.lang();
      const who =
        PEOPLE_KEYS.test(args.query) || args.sort?.key === 'owner'
          ? await peopleFor(true)
          : await namesSoon();
      const key = JSON.stringify([args.query, args.sort ?? null, lang]);
      let hits;
      const last = lastHits;
      if (last && last.index === i && last.revision === i.revision && last.key === key && last.who === who) {
        hits = last.hits;
      } else {
        try {
          hits = i.search(args.query, { lang, ...(who ? { people: who } : {}) });
        } catch (e) {
          if (!(e instanceof QueryError)) throw e;
          return {
            total: 0,
            offset: args.offset,
            items: [],
            index: info(i),
            error: { message: e.message, term: e.term, start: e.start, end: e.end },
            elapsedMs: performance.now() - started,
          };
        }
        if (args.sort)
          hits = await i.sort(hits, args.sort.key, args.sort.descending, (id) => who?.personName(id));
        lastHits = { index: i, revision: i.revision, key, who, hits };
      }
      const items = hits.slice(args.offset, args.offset + args.limit).map((c) => toRowView(c.c, who));
      return {
        total: hits.length,
        offset: args.offset,
        items,
        index: info(i),
        elapsedMs: performance.now() - started,
      };
    },

    async getContactDetail(args: { userid: string }): Promise<ContactDetail> {
      const i = await index();
      const c = i.get(args.userid);
      if (!c) throw notFound(`No contact ${args.userid} in the local index.`, 'Refresh the contact list.');
      return { contact: toRowView(c, await namesSoon()), history: i.history(args.userid) };
    },

    async getLabelOverview(): Promise<LabelOverview> {
      const i = await index();
      const count = new Map<number, number>();
      for (const c of i.all()) for (const id of c.c.label_ids) count.set(id, (count.get(id) ?? 0) + 1);
      return {
        total: i.size,
        groups: i.labelGroups.map((g) => {
          const ids = new Set(g.labels.map((l) => l.id));
          let withAny = 0;
          for (const c of i.all()) if (c.c.label_ids.some((id) => ids.has(id))) withAny++;
          return {
            name: g.name,
            colorHex: argbToHex(g.color),
            withAny,
            missing: i.size - withAny,
            labels: g.labels.map((l) => ({ id: l.id, name: l.name, count: count.get(l.id) ?? 0 })),
          };
        }),
      };
    },

    async planContactEdit(args: PlanContactEditArgs): Promise<PlanSummary> {
      const { client, identity } = ctx.connection.require();
      const lang = await ctx.lang();
      if (isEmptyRequest(args.action)) throw new AppError('input', translate(lang, 'ws.err.chooseChange'));
      const { ids, source, index: i } = await selected(args.selection);
      const a = args.action;
      const who = await peopleFor(
        Boolean(
          a.setOwner ||
          a.shareWithUsers?.length ||
          a.shareWithDepts?.length ||
          a.unshareUsers?.length ||
          a.unshareDepts?.length,
        ),
      );
      let action;
      try {
        action = resolveEdit(args.action, i.labelGroups, who, lang);
      } catch (e) {
        return inputError(e);
      }
      if (ids.length === 0) {
        throw new AppError('input', translate(lang, 'edit.noMatches', { query: source }));
      }
      const plan = await planEdit({
        userIds: ids,
        action,
        client,
        groups: i.labelGroups,
        lang,
        ...(who ? { labels: resolverLabels(who) } : {}),
        onFresh: (fresh) => i.upsert(fresh),
      });
      return plans.hold(plan, source, identity, { origin: 'edit' });
    },

    async exportSelection(args: ExportSelectionArgs): Promise<FileRef> {
      const { client } = ctx.connection.require();
      const { ids, index: i } = await selected(args.selection);
      if (ids.length === 0)
        throw new AppError('input', translate(await ctx.lang(), 'ws.err.noMatchesExport'));
      const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const path = await ctx.files.outputPath(`dtload-contacts-${stamp}.${args.format}`);
      await exportMatches({ client, index: i, userIds: ids, path });
      return ctx.files.toRef(await ctx.files.hold(path));
    },

    async findDuplicates(): Promise<DuplicatesView> {
      const i = await loaded();
      const groups = findDuplicates(i.all().map((c) => c.c));
      lastDuplicates = { identity: ctx.connection.require().identity, groups };
      const who = await namesSoon();
      return {
        total: i.size,
        groups: groups.map((g) => ({
          id: g.id,
          reasons: g.reasons,
          keep: g.keep,
          contacts: g.userIds.flatMap((id) => {
            const c = i.get(id);
            return c ? [toRowView(c, who)] : [];
          }),
        })),
      };
    },

    async planMergeDuplicates(args: PlanMergeDuplicatesArgs): Promise<PlanSummary> {
      const { client, identity } = ctx.connection.require();
      const lang = await ctx.lang();
      if (!lastDuplicates || lastDuplicates.identity !== identity) {
        throw new AppError('conflict', translate(lang, 'ws.err.findDuplicatesFirst'));
      }
      const wanted = args.groupIds ? new Set(args.groupIds) : undefined;
      const groups = lastDuplicates.groups
        .filter((g) => !wanted || wanted.has(g.id))
        .map((g) => {
          const keep = args.keep?.[String(g.id)];
          return keep && g.userIds.includes(keep) ? { ...g, keep } : g;
        });
      if (groups.length === 0) throw new AppError('input', translate(lang, 'ws.err.chooseGroup'));
      const i = await loaded();
      const who = await namesSoon();
      const plan = await planMerge({
        groups,
        client,
        labelGroups: i.labelGroups,
        lang,
        onFresh: (fresh) => i.upsert(fresh),
        ...(who ? { labels: resolverLabels(who) } : {}),
      });
      return plans.hold(plan, translate(lang, 'ws.mergeSource', { count: groups.length }), identity, {
        origin: 'merge',
      });
    },
  };
  return api;
}

export type Workspace = ReturnType<typeof createWorkspace>;

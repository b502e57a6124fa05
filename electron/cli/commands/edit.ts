// `dtload edit --where QUERY [actions] [--apply] [--report F] [--json]`: bulk-edit the contacts a query
// selects. A plan like an import's (re-read, merged, diffed; unchanged contacts get no write), applied by
// the same engine, journal and reports; a dry run by default.
import type { Command } from 'commander';
import { translate } from '../../../shared/i18n';
import {
  EDIT_TEXT_FIELDS,
  isEmptyRequest,
  planEdit,
  resolveEdit,
  resolverLabels,
  type EditRequest,
  type EditTextField,
} from '../../core/contacts';
import { backupBeforeDelete, splitList } from '../../core/import';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { checkReportPath, finish, withProgress } from './import';
import {
  ageText,
  asEditInput,
  cliLang,
  loadIndex,
  matchQuery,
  namesPeople,
  peopleFor,
  sayNoMatches,
} from './workspace';

interface EditOptions {
  where: string;
  addLabel: string[];
  removeLabel: string[];
  setOwner?: string;
  shareWithUsers: string[];
  shareWithDepts: string[];
  unshareUsers: string[];
  unshareDepts: string[];
  set: string[];
  delete?: boolean;
  refresh?: boolean;
  apply?: boolean;
  report?: string;
  json?: boolean;
}

const collect = (v: string, prev: string[]): string[] => [...prev, ...splitList(v)];
const collectRaw = (v: string, prev: string[]): string[] => [...prev, v];

export function register(program: Command, ctx: CliContext): void {
  program
    .command('edit')
    .description('bulk-edit the contacts a query selects (dry run by default; --apply sends the changes)')
    .requiredOption(
      '--where <query>',
      'which contacts, in the query language (see docs/cli.md), e.g. "label:VIP -owner:lina02"',
    )
    .option(
      '--add-label <labels>',
      'add labels (names or Group/Label; comma-separated, repeatable)',
      collect,
      [],
    )
    .option('--remove-label <labels>', 'remove labels', collect, [])
    .option(
      '--set-owner <person>',
      'make this staff member the owner (name, name（department）, mobile or userid)',
    )
    .option('--share-with-users <people>', 'share with these staff members', collect, [])
    .option('--share-with-depts <depts>', 'share with these departments (name, path or id)', collect, [])
    .option('--unshare-users <people>', 'stop sharing with these staff members', collect, [])
    .option('--unshare-depts <depts>', 'stop sharing with these departments', collect, [])
    .option(
      `--set <field=value>`,
      `set a text field: ${EDIT_TEXT_FIELDS.join(', ')} (repeatable; empty value clears)`,
      collectRaw,
      [],
    )
    .option('--delete', 'delete the matching contacts (an applied delete backs them up first)')
    .option('--refresh', 'read every contact into the local index again before matching')
    .option('--apply', 'send the changes (without it: a dry run that sends nothing)')
    .option('--report <file>', 'write a report: .xlsx, .csv or .json')
    .option('--json', 'print NDJSON progress events and a summary on stdout')
    .action(async (opts: EditOptions, cmd: Command) => {
      const lang = cliLang(ctx, cmd);
      const request = toRequest(opts, lang);
      if (isEmptyRequest(request)) throw new CliError(translate(lang, 'edit.noAction'));
      await checkReportPath(opts.report, ctx.lang(cmd));
      const conn = await ctx.connect(cmd);
      try {
        const index = await loadIndex(ctx, cmd, conn, opts);
        const people = await peopleFor(
          ctx,
          cmd,
          conn,
          namesPeople(
            opts.where,
            opts.setOwner ? [opts.setOwner] : undefined,
            opts.shareWithUsers,
            opts.shareWithDepts,
            opts.unshareUsers,
            opts.unshareDepts,
          ),
        );
        const matches = matchQuery(index, opts.where, lang, people);
        const action = asEditInput(() => resolveEdit(request, index.labelGroups, people, lang));
        if (matches.length === 0) {
          sayNoMatches(ctx, 'edit', translate(lang, 'edit.noMatches', { query: opts.where }), opts.json);
          return;
        }
        if (!opts.json) {
          ctx.stdout.write(
            translate(lang, 'edit.matches', {
              count: matches.length,
              query: opts.where,
              total: index.size,
              age: ageText(index, lang),
            }) + '\n',
          );
        }
        const plan = await withProgress(ctx, cmd, opts.json, (onProgress) =>
          planEdit({
            userIds: matches.map((m) => m.c.userid),
            action,
            client: conn.client,
            groups: index.labelGroups,
            lang,
            ...(people ? { labels: resolverLabels(people) } : {}),
            onProgress,
            onFresh: (fresh) => index.upsert(fresh),
          }),
        );
        const source = `--where ${opts.where}`;
        ctx.exitCode = await finish({
          ctx,
          cmd,
          conn,
          plan,
          file: source,
          title: translate(lang, action.delete ? 'edit.deletePlanTitle' : 'edit.planTitle', {
            count: matches.length,
            query: opts.where,
          }),
          opts,
          kind: action.delete ? 'delete' : 'import',
          meta: { where: opts.where, edit: request },
          ...(action.delete
            ? {
                beforeApply: async () =>
                  (await backupBeforeDelete({ plan, client: conn.client, dataDir: ctx.dataDir(cmd) })).path,
              }
            : {}),
        });
      } finally {
        await conn.close();
      }
    });
}

function toRequest(opts: EditOptions, lang: ReturnType<typeof cliLang>): EditRequest {
  const set: Partial<Record<EditTextField, string>> = {};
  for (const s of opts.set) {
    const eq = s.indexOf('=');
    const field = (eq > 0 ? s.slice(0, eq).trim() : '') as EditTextField;
    // "company" is what people type; the field is company_name.
    const key = (field as string) === 'company' ? 'company_name' : field;
    if (!(EDIT_TEXT_FIELDS as readonly string[]).includes(key)) {
      throw new CliError(translate(lang, 'edit.badSet', { arg: s, fields: EDIT_TEXT_FIELDS.join(', ') }));
    }
    set[key] = s.slice(eq + 1);
  }
  return {
    addLabels: opts.addLabel,
    removeLabels: opts.removeLabel,
    ...(opts.setOwner ? { setOwner: opts.setOwner } : {}),
    shareWithUsers: opts.shareWithUsers,
    shareWithDepts: opts.shareWithDepts,
    unshareUsers: opts.unshareUsers,
    unshareDepts: opts.unshareDepts,
    set,
    delete: Boolean(opts.delete),
  };
}

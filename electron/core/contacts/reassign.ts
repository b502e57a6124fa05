// Hand over contacts (交接客户): every contact one person owns goes to another, optionally with the
// shares. Only resolution and selection live here; the plan is the bulk edit's (planEdit with a
// `reassign` action), applied by the same engine, journal and reports.
import type { Contact } from '../../../shared/domain';
import { joinList, translate, type Lang } from '../../../shared/i18n';
import type { Directory } from '../directory';
import { directoryPeople } from './directory-people';
import { closestNames } from './query-compile';
import { EditInputError, type EditAction } from './edit-plan';

export interface ReassignRequest {
  /** The person handing over: any form the import accepts; a leaver by the userid their contacts carry. */
  from: string;
  /** The colleague taking over: must be in the directory. */
  to: string;
  /** Also replace `from` in the contacts' shared staff. */
  alsoShares?: boolean;
}

export interface ReassignSelection {
  from: string;
  to: string;
  /** `from` is not in the directory any more (found only on contacts). */
  fromLeft: boolean;
  /** How the diff names them: `张伟（华北销售）`, a leaver by userid. */
  fromLabel: string;
  toLabel: string;
  /** Contacts `from` owns, then (with alsoShares) those only shared with them; in index order. */
  userIds: string[];
  owned: number;
  shared: number;
  action: EditAction;
}

/**
 * Resolves both people and selects the contacts. `contacts` is the local index (current enough: planEdit
 * re-reads every selected contact before planning). Throws EditInputError with one line naming the
 * candidates (ambiguous) or the closest names (unknown).
 */
export function selectReassign(
  req: ReassignRequest,
  dir: Directory,
  contacts: Iterable<Contact>,
  lang: Lang = 'en',
): ReassignSelection {
  const list = [...contacts];
  const shares = Boolean(req.alsoShares);
  const fromText = req.from.trim();
  const toText = req.to.trim();
  if (fromText === '' || toText === '') throw new EditInputError(translate(lang, 'reassign.needBoth'));

  const fromWho = directoryPeople(dir, lang, '--from').person(fromText);
  let from: string;
  let fromLeft = false;
  if (fromWho.ok) from = fromWho.value;
  else {
    // A leaver: not in the directory, but their contacts still carry their userid.
    const carried = list.some(
      (c) => c.follower_user_id === fromText || (shares && (c.share_user_ids ?? []).includes(fromText)),
    );
    if (dir.resolvePerson(fromText).kind === 'ambiguous') throw new EditInputError(fromWho.error);
    // Not "hand their contacts over first" (that is what this does): a leaver is named by their userid.
    if (!carried) throw new EditInputError(fromUnknown(dir, fromText, lang));
    from = fromText;
    fromLeft = true;
  }
  const toWho = directoryPeople(dir, lang, '--to').person(toText);
  if (!toWho.ok) throw new EditInputError(toWho.error);
  const to = toWho.value;
  const fromLabel = dir.personLabel(from);
  const toLabel = dir.personLabel(to);
  if (from === to) throw new EditInputError(translate(lang, 'reassign.same', { name: fromLabel }));

  const userIds: string[] = [];
  let owned = 0;
  let shared = 0;
  for (const c of list) {
    if (c.follower_user_id === from) {
      owned++;
      userIds.push(c.userid);
    } else if (shares && (c.share_user_ids ?? []).includes(from)) {
      shared++;
      userIds.push(c.userid);
    }
  }
  return {
    from,
    to,
    fromLeft,
    fromLabel,
    toLabel,
    userIds,
    owned,
    shared,
    action: {
      addLabels: [],
      removeLabels: [],
      shareUsers: [],
      shareDepts: [],
      unshareUsers: [],
      unshareDepts: [],
      set: {},
      delete: false,
      reassign: { from, to, shares },
    },
  };
}

/** The staff mobiles among a request's people, for DirectoryService.lookupMobiles before selecting. */
export const reassignTexts = (req: ReassignRequest): string[] => [req.from, req.to];

function fromUnknown(dir: Directory, text: string, lang: Lang): string {
  const near = closestNames(
    text,
    [...dir.staff.values()].map((p) => p.name),
  );
  const names = joinList(
    near.map((n) => `"${n}"`),
    lang,
  );
  return (
    translate(lang, 'reassign.fromUnknown', { text }) +
    (near.length ? translate(lang, 'query.near', { names }) : '')
  );
}

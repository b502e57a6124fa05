// Merge: the contact sent to `update` is the full current contact with the sheet's changes merged in
// (update replaces the whole contact, dingtalk-api.md), never only the sheet's columns.
import type { Contact, ContactCreate, ContactUpdate, FieldChange } from '../../../shared/domain';
import type { ContactFieldKey, ImportOptions } from '../../../shared/import-types';
import type { LabelIndex } from './labels';
import { fieldLabel, langOf, translator, type Lang } from '../../../shared/i18n';
import type { FieldValue, RowIntent } from './row-intent';
import { MAX_IDS, applyLabelEdits, normMobile, normStateCode } from './row-intent';
import { clip } from '../../../shared/clip';
import { bodyOf } from './remerge';
import { sameSet } from './same-set';
import { isMobileFor } from '../../../shared/mobile';

const UPDATABLE_STRINGS = ['name', 'title', 'company_name', 'address', 'remark', 'follower_user_id'] as const;
const READ_ONLY = ['mobile', 'state_code', 'email'] as const;
const LISTS = ['share_user_ids', 'share_dept_ids'] as const;

function normReadOnly(field: (typeof READ_ONLY)[number], v: string): string {
  return field === 'mobile' ? normMobile(v) : field === 'state_code' ? normStateCode(v) : v.trim();
}

export interface MergeResult<B> {
  body: B;
  changes: FieldChange[];
  errors: string[];
  warnings: string[];
}

function labelNames(ids: readonly number[], labels: LabelIndex): string[] {
  return ids.map((id) => labels.display(id));
}

/** Plans an update of `current`. `changes` empty ⇒ the row is unchanged and sends nothing. */
export function mergeUpdate(
  current: Contact,
  intent: RowIntent,
  labels: LabelIndex,
  options?: ImportOptions,
): MergeResult<ContactUpdate> {
  const say = translator(langOf(options));
  const errors: string[] = [];
  const warnings: string[] = [];
  const changes: FieldChange[] = [];
  const body = bodyOf(current);

  const sheetUserId = intent.fields.user_id;
  if (typeof sheetUserId === 'string' && sheetUserId !== current.userid) {
    errors.push(say('plan.userIdMismatch', { sheet: sheetUserId, id: current.userid, name: current.name }));
  }

  for (const f of UPDATABLE_STRINGS) {
    const v = intent.fields[f];
    if (v === undefined) continue;
    const after = v === null ? '' : (v as string);
    const before = current[f] ?? '';
    if (after === before) continue;
    if (after === '' && (f === 'name' || f === 'follower_user_id')) {
      errors.push(say('plan.cannotClear', { field: fieldLabel(say, f) }));
      continue;
    }
    body[f] = after;
    changes.push({ field: f, before, after });
  }

  for (const f of LISTS) {
    const v = intent.fields[f];
    if (v === undefined) continue;
    const after = (v ?? []) as (string | number)[];
    const before = (current[f] ?? []) as (string | number)[];
    if (sameSet(before, after)) continue;
    (body as unknown as Record<string, unknown>)[f] = after;
    changes.push({ field: f, before, after });
  }

  // Read-only through update: a differing value is shown, never silently dropped.
  for (const f of READ_ONLY) {
    const v = intent.fields[f];
    if (typeof v !== 'string' || v === '') continue;
    const cur = current[f];
    if (f === 'mobile' && cur === undefined) continue; // not returned to third-party apps: nothing to compare
    if (cur === v) continue; // the common case, without normalising both per row
    if (normReadOnly(f, cur ?? '') !== normReadOnly(f, v)) {
      warnings.push(
        say('plan.readOnlyDiffers', {
          field: fieldLabel(say, f),
          value: clip(String(v)),
          current: clip(String(cur ?? '')),
        }),
      );
    }
  }

  const labelIds = applyLabelEdits(body.label_ids, intent.labelEdits, labels);
  if (!sameSet(labelIds, body.label_ids)) {
    changes.push({
      field: 'labels',
      before: labelNames(body.label_ids, labels),
      after: labelNames(labelIds, labels),
    });
    body.label_ids = labelIds;
  }

  // An unchanged row sends nothing, so only a changed body needs DingTalk's checks.
  if (changes.length > 0) errors.push(...validateBody(body, langOf(options)));
  return { body, changes, errors: intent.errors.length ? [...intent.errors, ...errors] : errors, warnings };
}

/** Plans a create from the row alone (`--create`): create's required fields must all be there. */
export function mergeCreate(
  intent: RowIntent,
  labels: LabelIndex,
  options: ImportOptions,
): MergeResult<ContactCreate> {
  const errors: string[] = [];
  const f = intent.fields;
  const str = (k: ContactFieldKey): string => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const body: ContactCreate = {
    name: str('name'),
    follower_user_id: str('follower_user_id'),
    label_ids: applyLabelEdits([], intent.labelEdits, labels),
    mobile: str('mobile'),
    state_code: str('state_code') || options.defaultStateCode || '86',
  };
  for (const k of ['email', 'title', 'company_name', 'address', 'remark'] as const)
    if (str(k)) body[k] = str(k);
  if (Array.isArray(f.share_user_ids) && f.share_user_ids.length)
    body.share_user_ids = f.share_user_ids as string[];
  if (Array.isArray(f.share_dept_ids) && f.share_dept_ids.length)
    body.share_dept_ids = f.share_dept_ids as number[];
  const say = translator(langOf(options));
  if (!body.mobile) errors.push(say('plan.mobileRequiredForCreate'));
  else if (!intent.errors.length && !isMobileFor(body.state_code, body.mobile))
    errors.push(say('plan.mobileCnInvalid', { raw: clip(body.mobile), digits: body.mobile.length }));
  errors.push(...validateBody(body, langOf(options)));
  const changes: FieldChange[] = [];
  for (const [k, v] of Object.entries(body) as [string, FieldValue][]) {
    if (k === 'label_ids')
      changes.push({ field: 'labels', before: [], after: labelNames(v as number[], labels) });
    else changes.push({ field: k, before: Array.isArray(v) ? [] : '', after: v });
  }
  return { body, changes, errors: [...intent.errors, ...errors], warnings: [] };
}

/** Checks a body against what DingTalk requires before any call is made. */
export function validateBody(body: ContactUpdate | ContactCreate, lang: Lang = 'en'): string[] {
  const say = translator(lang);
  const errors: string[] = [];
  if (!body.name.trim()) errors.push(say('plan.nameRequired'));
  if (!body.follower_user_id.trim()) errors.push(say('plan.ownerRequired'));
  if (body.label_ids.length === 0) errors.push(say('plan.labelRequired'));
  for (const k of ['label_ids', 'share_dept_ids', 'share_user_ids'] as const) {
    const n = body[k]?.length ?? 0;
    if (n > MAX_IDS)
      errors.push(
        say('plan.tooManyIds', { field: k === 'label_ids' ? 'labels' : k, count: n, max: MAX_IDS }),
      );
  }
  return errors;
}

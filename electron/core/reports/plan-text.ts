// The plan as text for a terminal, in the admin's language: the mapping, then one line per row that
// changes or cannot be sent (with its diff, labels by name), then the counts. The CLI prints it for a
// dry run and before an apply.
import type { FieldChange } from '../../../shared/domain';
import type { ImportPlan, PlanSource } from '../../../shared/import-types';
import {
  fieldLabel,
  joinAlternatives,
  joinList,
  translator,
  type Lang,
  type MessageKey,
  type Translate,
} from '../../../shared/i18n';
import { describeTarget } from '../import/mapping';
import { encodingLabel } from '../sheets';

function show(v: unknown): string {
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return JSON.stringify(v ?? '');
}

/** One change as the admin reads it: `负责人 "张伟（华北销售）" → "李娜"` (the field by its column name). */
export function describeChange(c: FieldChange, lang: Lang = 'en'): string {
  return `${fieldLabel(translator(lang), c.field)} ${show(c.before)} → ${show(c.after)}`;
}

/** ", encoding Windows-1252 (detected)" for a CSV source, else nothing: said in the plan and the reports. */
export function encodingText(source: PlanSource | undefined, t: Translate): string {
  if (!source?.encoding) return '';
  const how = source.encodingSource;
  return t('plan.text.encoding', {
    name: encodingLabel(source.encoding),
    how:
      how === 'given'
        ? t('plan.text.encodingGiven')
        : how === 'detected'
          ? t('plan.text.encodingDetected')
          : '',
  });
}

export function describePlan(
  plan: ImportPlan,
  at: { file: string; sheet: string; where: string; maxRows?: number; title?: string; lang?: Lang },
): string {
  const lang = at.lang ?? 'en';
  const t = translator(lang);
  const maxRows = at.maxRows ?? 50;
  const lines: string[] = [];
  const encoding = encodingText(plan.source, t);
  if (at.title) {
    // A plan made from a query (dtload edit), not a sheet: no columns to show.
    lines.push(t('plan.text.headTitle', { title: at.title, where: at.where }));
  } else {
    lines.push(
      t(plan.kind === 'delete' ? 'plan.text.head.delete' : 'plan.text.head.import', {
        file: at.file,
        sheet: at.sheet,
        headerRow: plan.headerRow,
        encoding,
        where: at.where,
      }),
    );
    for (const note of plan.notes ?? []) lines.push(t('plan.text.note', { note }));
    const mapped = plan.mapping.columns.filter((c) => c.target !== 'ignore');
    lines.push(
      t('plan.text.columns', {
        columns: joinList(
          mapped.map((c) => `${c.header} → ${describeTarget(c.target, lang)}`),
          lang,
        ),
      }),
    );
  }
  for (const c of plan.mapping.columns.filter((x) => x.source === 'unrecognised' && x.header)) {
    const names = (c.suggestions ?? []).map((s) => `"${fieldLabel(t, s)}"`);
    lines.push(
      t('plan.text.ignored', { header: c.header }) +
        (names.length ? t('plan.text.didYouMean', { names: joinAlternatives(names, lang) }) : ''),
    );
  }
  for (const w of plan.mapping.warnings) lines.push(`  ${w}`);
  let listed = 0;
  let more = 0;
  for (const r of plan.rows) {
    if (r.action === 'unchanged' && r.warnings.length === 0) continue;
    if (listed >= maxRows) {
      more++;
      continue;
    }
    listed++;
    const who = [r.userId, r.name, r.company].filter(Boolean).join(' ');
    const action = t(`sheet.action.${r.action}` as MessageKey);
    if (r.action === 'invalid')
      lines.push(
        t('plan.text.invalid', {
          row: r.row,
          who: who ? ` (${who})` : '',
          errors: r.errors.join(lang === 'en' ? '; ' : '；'),
        }),
      );
    else if (r.action === 'delete' || r.action === 'unchanged')
      lines.push(t('plan.text.row', { row: r.row, action, who }));
    else
      lines.push(
        t('plan.text.rowChanges', {
          row: r.row,
          action,
          who,
          changes: r.changes.map((c) => describeChange(c, lang)).join('; '),
        }),
      );
    for (const w of r.warnings) lines.push(t('plan.text.warning', { warning: w }));
  }
  if (more) lines.push(t('plan.text.more', { count: more }));
  const s = plan.summary;
  const parts = [t('plan.text.rows', { count: s.rows })];
  if (plan.kind === 'delete') parts.push(t('plan.text.toDelete', { count: s.delete }));
  else
    parts.push(
      t('plan.text.toUpdate', { count: s.update }),
      t('plan.text.toCreate', { count: s.create }),
      t('plan.text.unchanged', { count: s.unchanged }),
    );
  // A plan that mixes writes (an undo, a merge of duplicates) deletes too.
  if (plan.kind !== 'delete' && s.delete > 0) parts.push(t('plan.text.toDelete', { count: s.delete }));
  parts.push(t('plan.text.invalidCount', { count: s.invalid }));
  lines.push(parts.join(lang === 'en' ? ', ' : '，') + (lang === 'en' ? '.' : '。'));
  return lines.join('\n') + '\n';
}

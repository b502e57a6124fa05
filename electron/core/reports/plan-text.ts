// The plan as text for a terminal: the mapping, then one line per row that changes or cannot be sent
// (with its diff, labels by name), then the counts. The CLI prints it for a dry run and before an apply.
import type { FieldChange } from '../../../shared/domain';
import type { ImportPlan } from '../../../shared/import-types';
import { encodingLabel } from '../sheets';

function show(v: unknown): string {
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return JSON.stringify(v ?? '');
}

export function describeChange(c: FieldChange): string {
  return `${c.field} ${show(c.before)} → ${show(c.after)}`;
}

export function describePlan(
  plan: ImportPlan,
  at: { file: string; sheet: string; where: string; maxRows?: number; title?: string },
): string {
  const maxRows = at.maxRows ?? 50;
  const lines: string[] = [];
  const encoding = plan.source?.encoding
    ? `, encoding ${encodingLabel(plan.source.encoding)}${plan.source.encodingSource === 'given' ? ' (as given)' : plan.source.encodingSource === 'detected' ? ' (detected)' : ''}`
    : '';
  if (at.title) {
    // A plan made from a query (dtload edit), not a sheet: no columns to show.
    lines.push(`${at.title} against ${at.where}`);
  } else {
    lines.push(
      `${plan.kind === 'delete' ? 'Delete' : 'Import'} plan for ${at.file} (sheet "${at.sheet}", header row ${plan.headerRow}${encoding}) against ${at.where}`,
    );
    for (const note of plan.notes ?? []) lines.push(`  note: ${note}`);
    const mapped = plan.mapping.columns.filter((c) => c.target !== 'ignore');
    lines.push(
      `Columns: ${mapped.map((c) => `${c.header} → ${typeof c.target === 'string' ? c.target : `labels of ${c.target.group}`}`).join(', ')}`,
    );
  }
  for (const c of plan.mapping.columns.filter((x) => x.source === 'unrecognised' && x.header)) {
    lines.push(
      `  ignored column "${c.header}"${c.suggestions?.length ? ` (did you mean ${c.suggestions.join(' or ')}?)` : ''}`,
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
    if (r.action === 'invalid')
      lines.push(`  row ${r.row} invalid${who ? ` (${who})` : ''}: ${r.errors.join('; ')}`);
    else if (r.action === 'delete') lines.push(`  row ${r.row} delete ${who}`);
    else if (r.action === 'unchanged') lines.push(`  row ${r.row} unchanged ${who}`);
    else lines.push(`  row ${r.row} ${r.action} ${who}: ${r.changes.map(describeChange).join('; ')}`);
    for (const w of r.warnings) lines.push(`      warning: ${w}`);
  }
  if (more) lines.push(`  … and ${more} more rows (write them all with --report)`);
  const s = plan.summary;
  const parts = [`${s.rows} rows`];
  if (plan.kind === 'delete') parts.push(`${s.delete} to delete`);
  else parts.push(`${s.update} to update`, `${s.create} to create`, `${s.unchanged} unchanged`);
  parts.push(`${s.invalid} invalid`);
  lines.push(parts.join(', ') + '.');
  return lines.join('\n') + '\n';
}

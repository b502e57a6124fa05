// One side of a field change, shown as the admin thinks of it: label chips, id lists, or plain text.
import { Typography } from 'antd';
import { joinList, useI18n } from '../i18n';
import { LabelChip, LabelChips, useLabelColours } from './LabelChips';

/** Fields whose values are label names (the plan shows labels by name). */
export function isLabelField(field: string): boolean {
  return field === 'labels' || field === 'label_ids' || field.startsWith('group:');
}

interface Props {
  field: string;
  value: unknown;
  side: 'before' | 'after';
  /** The other side of the change: label chips mark what was added or removed. */
  other?: unknown;
}

export function ChangeValue({ field, value, side, other }: Props) {
  const { lang } = useI18n();
  const empty =
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return <Typography.Text type="secondary">∅</Typography.Text>;
  if (isLabelField(field) && Array.isArray(value)) {
    const names = value.map(String);
    const otherNames = new Set(Array.isArray(other) ? other.map(String) : []);
    const marked = new Set(names.filter((n) => !otherNames.has(n)));
    return <LabelChips names={names} marked={marked} mark={side === 'before' ? 'removed' : 'added'} />;
  }
  const text = Array.isArray(value) ? joinList(value.map(String), lang) : String(value);
  return <span className={side === 'before' ? 'dt-before' : 'dt-after'}>{text}</span>;
}

const asNames = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** A label change as one list: kept labels as they are, added ones ringed with "+", removed ones struck through. */
export function LabelDiff({ before, after }: { before: unknown; after: unknown }) {
  const colourOf = useLabelColours();
  const was = asNames(before);
  const now = asNames(after);
  const wasSet = new Set(was);
  const nowSet = new Set(now);
  const items = [
    ...now.map((name) => ({ name, mark: wasSet.has(name) ? undefined : ('added' as const) })),
    ...was.filter((name) => !nowSet.has(name)).map((name) => ({ name, mark: 'removed' as const })),
  ];
  if (items.length === 0) return <Typography.Text type="secondary">∅</Typography.Text>;
  return (
    <span>
      {items.map(({ name, mark }) => {
        const c = colourOf(name);
        return (
          <LabelChip
            key={`${mark ?? 'kept'}:${name}`}
            name={name}
            hex={c?.hex}
            group={c?.group}
            mark={mark}
          />
        );
      })}
    </span>
  );
}

// Label names drawn as chips in their group's colour, the way DingTalk shows tags.
import { Tag, Tooltip } from 'antd';
import { useMemo } from 'react';
import type { LabelGroupView } from '../api';
import { useSession } from '../state/session';
import { textOn } from '../lib/color';

interface LabelColour {
  group: string;
  hex: string;
}

/** name → colour; "Group/Label" names are looked up exactly, bare names by their (first) group. */
export function useLabelColours(): (name: string) => LabelColour | undefined {
  const { org } = useSession();
  const index = useMemo(() => buildIndex(org?.labelGroups ?? []), [org]);
  return (name) => index.get(name) ?? index.get(name.trim());
}

function buildIndex(groups: readonly LabelGroupView[]): Map<string, LabelColour> {
  const index = new Map<string, LabelColour>();
  for (const g of groups) {
    for (const l of g.labels) {
      const entry = { group: g.name, hex: g.colorHex };
      index.set(`${g.name}/${l.name}`, entry);
      if (!index.has(l.name)) index.set(l.name, entry);
    }
  }
  return index;
}

export type ChipMark = 'added' | 'removed';

interface ChipProps {
  name: string;
  hex?: string;
  group?: string;
  mark?: ChipMark;
}

export function LabelChip({ name, hex, group, mark }: ChipProps) {
  const chip = (
    <Tag
      data-testid="label-chip"
      data-mark={mark}
      style={{
        marginInlineEnd: 4,
        background: hex ?? '#F0F0F0',
        color: hex ? textOn(hex) : '#595959',
        borderColor: hex ?? '#D9D9D9',
        // Removed labels fade and strike through; added ones get a ring, like a review diff.
        opacity: mark === 'removed' ? 0.5 : 1,
        textDecoration: mark === 'removed' ? 'line-through' : undefined,
        boxShadow: mark === 'added' ? '0 0 0 2px #FFFFFF, 0 0 0 3px #17A34A' : undefined,
      }}
    >
      {mark === 'added' ? `+ ${name}` : name}
    </Tag>
  );
  return group ? <Tooltip title={group}>{chip}</Tooltip> : chip;
}

/** `marked` names get `mark` (the labels a change adds or removes). */
export function LabelChips({
  names,
  marked,
  mark,
}: {
  names: readonly string[];
  marked?: ReadonlySet<string>;
  mark?: ChipMark;
}) {
  const colourOf = useLabelColours();
  return (
    <span>
      {names.map((n) => {
        const c = colourOf(n);
        return (
          <LabelChip
            key={n}
            name={n}
            hex={c?.hex}
            group={c?.group}
            mark={marked?.has(n) ? mark : undefined}
          />
        );
      })}
    </span>
  );
}

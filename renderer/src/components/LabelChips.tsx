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

export function LabelChip({ name, hex, group }: { name: string; hex?: string; group?: string }) {
  const chip = (
    <Tag
      data-testid="label-chip"
      style={{
        marginInlineEnd: 4,
        background: hex ?? '#F0F0F0',
        color: hex ? textOn(hex) : '#595959',
        borderColor: hex ?? '#D9D9D9',
      }}
    >
      {name}
    </Tag>
  );
  return group ? <Tooltip title={group}>{chip}</Tooltip> : chip;
}

export function LabelChips({ names }: { names: readonly string[] }) {
  const colourOf = useLabelColours();
  return (
    <span>
      {names.map((n) => {
        const c = colourOf(n);
        return <LabelChip key={n} name={n} hex={c?.hex} group={c?.group} />;
      })}
    </span>
  );
}

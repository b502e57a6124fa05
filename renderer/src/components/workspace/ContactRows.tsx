// The virtual list under the contacts table's header: only the rows in view (and a few either side) are in
// the DOM, at 100,000 too. Scrolling re-renders this list alone, synchronously before the frame is drawn;
// a row is memoised on its contact and selection, so a scroll step mounts the rows that came into view and
// touches no other. Rows are plain elements (a native checkbox, chips as spans): a scroll step mounting ten
// rows of antd Checkboxes and Tags cost more than the frame.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ContactRowView } from '../../api';
import { COLUMNS, ROW_HEIGHT, type LabelLook } from './tableColumns';
import type { RowWindow } from './rowWindow';

const OVERSCAN = 6;

interface Props {
  rows: RowWindow;
  picked: ReadonlySet<string>;
  allMatching: boolean;
  labels: ReadonlyMap<number, LabelLook>;
  onOpen: (userid: string) => void;
  onCheck: (userid: string, checked: boolean) => void;
}

export const ContactRows = memo(function ContactRows({
  rows,
  picked,
  allMatching,
  labels,
  onOpen,
  onCheck,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useSyncExternalStore(rows.subscribe, rows.getVersion);
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const slots = slotCount(virtualizer.scrollRect?.height, items.length);
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  // The rows in view and the scroll direction decide which blocks are fetched (and fetched ahead).
  const seen = useRef({ first: 0, direction: 1 as 1 | -1 });
  useEffect(() => {
    const s = seen.current;
    if (first !== s.first) s.direction = first > s.first ? 1 : -1;
    s.first = first;
    rows.show(first, last, s.direction);
  }, [rows, first, last]);

  // A new query or sort starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    seen.current = { first: 0, direction: 1 };
  }, [rows]);

  return (
    <div ref={scrollRef} className="dt-ws-scroll" data-testid="ws-rows">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((v) => {
          const r = rows.rowAt(v.index);
          return (
            <ContactRow
              key={v.index % slots}
              start={v.start}
              row={r}
              on={allMatching || (r ? picked.has(r.userid) : false)}
              locked={allMatching}
              labels={labels}
              onOpen={onOpen}
              onCheck={onCheck}
            />
          );
        })}
      </div>
    </div>
  );
});

/**
 * Rows keyed by slot, not by index: the element of a row scrolled out is reused for the row scrolling in (its
 * text changes; no element is made or removed, which cost more than the rest of a scroll step). The range in
 * view is contiguous and at most `slots` long, so index % slots is unique within it and a row scrolling in
 * takes the slot of the one that left.
 */
function slotCount(viewHeight: number | undefined, inRange: number): number {
  const most = Math.ceil((viewHeight ?? 0) / ROW_HEIGHT) + 1 + 2 * OVERSCAN;
  return Math.max(most, inRange, 1);
}

interface RowProps {
  start: number;
  row: ContactRowView | undefined;
  on: boolean;
  /** "All N matching" is on: rows cannot be picked one by one. */
  locked: boolean;
  labels: ReadonlyMap<number, LabelLook>;
  onOpen: (userid: string) => void;
  onCheck: (userid: string, checked: boolean) => void;
}

const ContactRow = memo(function ContactRow({ start, row, on, locked, labels, onOpen, onCheck }: RowProps) {
  return (
    <div
      data-testid="ws-row"
      data-userid={row?.userid}
      className={on ? 'dt-ws-row dt-ws-grid dt-ws-on' : 'dt-ws-row dt-ws-grid'}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => row && onOpen(row.userid)}
    >
      <div className="dt-ws-cell dt-ws-box" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          className="dt-ws-check"
          checked={on}
          disabled={!row || locked}
          aria-label={row?.name}
          onChange={(e) => row && onCheck(row.userid, e.target.checked)}
        />
      </div>
      {COLUMNS.map((c, n) =>
        !row ? (
          // Still loading: the same cells (the element is kept when the row arrives), a mark in the first.
          <div key={c.key} className="dt-ws-cell dt-ws-pending">
            {n === 0 ? '…' : ''}
          </div>
        ) : c.key === 'labels' ? (
          <div
            key={c.key}
            className="dt-ws-cell dt-ws-labels"
            title={row.labels.map((id) => labels.get(id)?.name ?? `#${id}`).join(' · ')}
          >
            {row.labels.map((id, k) => {
              const l = labels.get(id);
              return (
                <span
                  key={k}
                  className="dt-chip"
                  data-testid="label-chip"
                  title={l?.group}
                  style={l ? { background: l.hex, borderColor: l.hex, color: l.fg } : undefined}
                >
                  {l?.name ?? `#${id}`}
                </span>
              );
            })}
          </div>
        ) : (
          <div key={c.key} className="dt-ws-cell" title={c.value(row)}>
            {c.value(row)}
          </div>
        ),
      )}
    </div>
  );
});

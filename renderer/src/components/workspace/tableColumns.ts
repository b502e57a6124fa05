// The contacts table's columns, shared by its header and its rows: one grid template for both.
import type { ContactRowView, ContactSortKey } from '../../api';
import type { MessageKey } from '../../i18n';

export const ROW_HEIGHT = 40;

export interface Column {
  key: ContactSortKey | 'labels';
  title: MessageKey;
  /** Narrowest width (px) and share of the rest: the columns fill the table and fit it at 1024 px. */
  min: number;
  grow: number;
  value: (c: ContactRowView) => string;
}

export const COLUMNS: readonly Column[] = [
  { key: 'name', title: 'contacts.col.name', min: 88, grow: 1.2, value: (c) => c.name },
  { key: 'mobile', title: 'ws.col.mobile', min: 116, grow: 1, value: (c) => c.mobile ?? '' },
  { key: 'company', title: 'contacts.col.company', min: 88, grow: 1.3, value: (c) => c.company ?? '' },
  { key: 'title', title: 'contacts.col.title', min: 80, grow: 1, value: (c) => c.title ?? '' },
  { key: 'owner', title: 'contacts.col.follower', min: 80, grow: 1, value: (c) => c.ownerName ?? c.owner },
  { key: 'labels', title: 'contacts.col.labels', min: 150, grow: 2, value: () => '' },
  { key: 'remark', title: 'ws.col.remark', min: 70, grow: 1, value: (c) => c.remark ?? '' },
];

/** The grid template of the header and every row (a CSS variable on the table, read by .dt-ws-grid). */
export const GRID = `36px ${COLUMNS.map((c) => `minmax(${c.min}px, ${c.grow}fr)`).join(' ')}`;

/** A label as the table draws it: its name and its group's colours. */
export interface LabelLook {
  name: string;
  hex: string;
  /** Text colour readable on `hex`. */
  fg: string;
  group: string;
}

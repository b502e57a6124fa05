// The contacts table's columns, shared by its header and its rows: one grid template for both.
import type { ContactRowView, ContactSortKey } from '../../api';
import type { MessageKey } from '../../i18n';

export const ROW_HEIGHT = 40;

export interface Column {
  key: ContactSortKey | 'labels';
  title: MessageKey;
  width: number | string;
  value: (c: ContactRowView) => string;
}

export const COLUMNS: readonly Column[] = [
  { key: 'name', title: 'contacts.col.name', width: 150, value: (c) => c.name },
  { key: 'mobile', title: 'ws.col.mobile', width: 130, value: (c) => c.mobile ?? '' },
  { key: 'company', title: 'contacts.col.company', width: 160, value: (c) => c.company ?? '' },
  { key: 'title', title: 'contacts.col.title', width: 130, value: (c) => c.title ?? '' },
  { key: 'owner', title: 'contacts.col.follower', width: 120, value: (c) => c.ownerName ?? c.owner },
  { key: 'labels', title: 'contacts.col.labels', width: '1fr', value: () => '' },
  { key: 'remark', title: 'ws.col.remark', width: 130, value: (c) => c.remark ?? '' },
];

/** The grid template of the header and every row (a CSS variable on the table, read by .dt-ws-grid). */
export const GRID = `36px ${COLUMNS.map((c) => (typeof c.width === 'number' ? `${c.width}px` : 'minmax(200px, 1fr)')).join(' ')}`;

/** A label as the table draws it: its name and its group's colours. */
export interface LabelLook {
  name: string;
  hex: string;
  /** Text colour readable on `hex`. */
  fg: string;
  group: string;
}

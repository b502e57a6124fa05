// Label groups shaped like the sandbox's: one bare name ("Other") in two groups, Chinese names.
import type { LabelGroup } from '../../shared/domain';

export const GROUPS: LabelGroup[] = [
  {
    name: 'Type',
    color: -15220075,
    labels: [
      { id: 1, name: 'Customer' },
      { id: 2, name: 'Partner' },
      { id: 3, name: 'Other' },
    ],
  },
  {
    name: 'Level',
    color: -1,
    labels: [
      { id: 11, name: 'A' },
      { id: 12, name: 'B' },
      { id: 13, name: 'C' },
    ],
  },
  {
    name: 'Status',
    color: -1,
    labels: [
      { id: 21, name: 'Active' },
      { id: 22, name: 'Dormant' },
    ],
  },
  {
    name: '行业',
    color: -1,
    labels: [
      { id: 31, name: '制造' },
      { id: 32, name: 'Other' },
    ],
  },
  // 25 labels so a cell can name more than 20.
  { name: 'Many', color: -1, labels: Array.from({ length: 25 }, (_, i) => ({ id: 100 + i, name: `M${i}` })) },
];

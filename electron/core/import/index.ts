// The import pipeline: sheet → mapping → row intents → current state → merge/validate/diff → plan.
export {
  planImport,
  summarise,
  checkMapping,
  type PlanImportArgs,
  type SheetSource,
  type SheetRow,
} from './plan';
export { planDelete, type PlanDeleteArgs } from './delete-plan';
export { beforeOf } from './before-state';
export { backupBeforeDelete, type BackupResult } from './backup';
export {
  autoMap,
  indexColumns,
  editDistance,
  suggestTargets,
  reportColumns,
  errorColumn,
  REPORT_COLUMNS,
  ERROR_COLUMN,
} from './mapping';
export { loadMapping, saveMapping, parseMapping, ImportInputError } from './mapping-file';
export { LabelIndex, splitList } from './labels';
export { mergeUpdate, mergeCreate, validateBody } from './merge';
export { intentOf, bodyOf, remerge, type Remerged, type UpdateOp } from './remerge';
export { readIntent, applyLabelEdits, MAX_IDS, MAX_NAME_LENGTH } from './row-intent';
export { fetchByUserIds, readLabelGroups, type ImportClient } from './current';
export { isKnownHeader } from './known-headers';

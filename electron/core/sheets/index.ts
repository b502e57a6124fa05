// Spreadsheet I/O for dtload: xlsx and CSV readers and writers. No DingTalk knowledge.
export { openSheet } from './open-sheet';
export { createSheetWriter, formatFromPath } from './sheet-writer';
export { writeTemplate } from './template';
export { SheetError, isSheetError, type SheetErrorCode } from './sheet-error';
export { checkWritable } from './open-output';
export { neutraliseFormula, restoreNeutralised } from './formula-guard';
export type * from './types';
export { encodingLabel, canonicalEncoding, COMMON_ENCODINGS } from './text-encodings';

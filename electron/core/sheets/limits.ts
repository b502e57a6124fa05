// The documented limits of the spreadsheet readers (docs/limits.md). Each is checked while streaming and
// refused with one line the moment it is passed, so a hostile file costs seconds and bounded memory.

/** Excel's own limits. */
export const MAX_CELL_CHARS = 32_767;
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A zip part (one sheet, the shared strings…) may unpack to at most this many bytes. */
export const MAX_PART_BYTES = 2 * 1024 ** 3;
/** The shared-strings table is kept in memory: its part may unpack to at most this. */
export const MAX_SHARED_STRINGS_BYTES = 512 * 1024 ** 2;
/** Parts bigger than RATIO_FLOOR bytes may unpack to at most MAX_RATIO times their packed size. */
export const MAX_RATIO = 200;
export const RATIO_FLOOR = 32 * 1024 ** 2;
/** A workbook has a few dozen parts; a zip with more entries than this is not one. */
export const MAX_ZIP_ENTRIES = 65_536;
/** .xls/.ods/.xlsb are read whole (by SheetJS): files above this size are refused. */
export const MAX_WHOLE_FILE_BYTES = 128 * 1024 ** 2;

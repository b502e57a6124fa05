// The public shapes of the spreadsheet layer. No DingTalk knowledge lives here.

export type SheetFormat = 'xlsx' | 'csv';
/** What a file read was: the writable formats, or one SheetJS reads (.xls/.et, .ods, .xlsb, Numbers…). */
export type SourceFormat = SheetFormat | 'xls' | 'ods' | 'xlsb' | 'numbers' | 'xml' | 'html';
export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface SheetInfo {
  format: SourceFormat;
  /** Every sheet in the workbook, in workbook order (a CSV has one, named after the file). */
  sheets: string[];
  /** The sheet being read. */
  sheet: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  /** Distinct, trimmed header names; trailing empty columns dropped. */
  headers: string[];
  /** Merged ranges below the header whose value was filled into every row they cover ("B2:B4"). */
  mergedFilled?: string[];
  /** CSV only. */
  encoding?: TextEncoding;
  /** CSV only. */
  delimiter?: string;
}

export interface SheetRow {
  /** 1-based row number in the sheet, what the admin sees in Excel. */
  row: number;
  /** Cell texts aligned with `SheetInfo.headers` (for `preview`, the raw cells padded to the widest row). */
  cells: string[];
}

export interface OpenOptions {
  /** Sheet name; default: the first visible sheet that has data. */
  sheet?: string;
  /** 1-based header row; default: detected. */
  headerRow?: number;
}

export interface SheetSource {
  info: SheetInfo;
  /** Data rows after the header, blank rows skipped. Streams: every call starts a fresh pass over the file. */
  rows(): AsyncIterable<SheetRow>;
  /** The first n non-blank rows of the sheet, including those above and at the header (to let a UI pick it). */
  preview(n: number): Promise<SheetRow[]>;
}

export type SheetCell = string | number | null | undefined;

export interface SheetWriterOptions {
  headers: string[];
  sheetName?: string;
  /** Default: from the file extension (.csv → csv, anything else → xlsx). */
  format?: SheetFormat;
  /** Column widths in characters (xlsx only). */
  columnWidths?: number[];
  /** Default true (xlsx only). */
  freezeHeader?: boolean;
  /** Default true (xlsx only). */
  autoFilter?: boolean;
}

export interface SheetWriter {
  /** Resolves when the row is handed to the file; await it to respect back-pressure. */
  addRow(cells: SheetCell[]): Promise<void> | void;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

export interface TemplateOptions {
  headers: string[];
  /** Header → help text, shown as a cell note and on the instructions sheet. */
  notes?: Record<string, string>;
  /** Columns that get a drop-down of valid values. */
  lists: { header: string; values: string[] }[];
  sheetName?: string;
}

// The public shapes of the spreadsheet layer. No DingTalk knowledge lives here.
import type { Localised } from '../../../shared/i18n';

export type SheetFormat = 'xlsx' | 'csv';
/** What a file read was: the writable formats, or one SheetJS reads (.xls/.et, .ods, .xlsb, Numbers…). */
export type SourceFormat = SheetFormat | 'xls' | 'ods' | 'xlsb' | 'numbers' | 'xml' | 'html';
/**
 * A CSV's text encoding, lower case: 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5',
 * 'shift_jis', 'euc-kr', 'windows-1252', 'iso-8859-15', … (any name iconv-lite decodes).
 */
export type TextEncoding = string;

/** Something the admin should know about how the sheet was read, in every language dtload speaks. */
export interface SheetNote {
  code: 'encoding-guess' | 'empty-header-values' | 'merged-cells' | (string & {});
  text: Localised;
}

export interface SheetInfo {
  format: SourceFormat;
  /** Every sheet in the workbook, in workbook order (a CSV has one, named after the file). */
  sheets: string[];
  /** The sheet being read. */
  sheet: string;
  /** Workbooks: the hidden (and very hidden) sheets among `sheets`. */
  hiddenSheets?: string[];
  /** 1-based row number of the header row. */
  headerRow: number;
  /** Distinct, trimmed header names; trailing empty columns dropped. */
  headers: string[];
  /** Merged ranges below the header whose value was filled into every row they cover ("B2:B4"). */
  mergedFilled?: string[];
  /** CSV only. */
  encoding?: TextEncoding;
  /** CSV only: a byte-order mark, valid UTF-8 throughout, a detector's guess, or the caller's choice. */
  encodingSource?: 'bom' | 'utf-8' | 'detected' | 'given';
  /** CSV only. */
  delimiter?: string;
  /**
   * Notes on how the sheet was read (a doubtful encoding guess, values under an empty header, merged cells
   * filled). Readers add to it while rows() streams: complete once a rows() pass has finished.
   */
  notes: SheetNote[];
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
  /** CSV only: the text encoding (any name iconv-lite knows, e.g. gbk, big5, windows-1252); default: detected. */
  encoding?: string;
  /**
   * Header texts the caller knows (姓名, mobile, 公司名称…): a row holding them is the header, and without a
   * `sheet`, a first sheet whose header holds none (an instructions sheet, 填写说明) gives way to one that does.
   */
  isKnownHeader?: (text: string) => boolean;
}

export interface SheetSource {
  info: SheetInfo;
  /** Data rows after the header, blank rows skipped. Streams: every call starts a fresh pass over the file. */
  rows(): AsyncIterable<SheetRow>;
  /** The same rows as `rows()`, a chunk of the file at a time (one await per chunk, not per row). */
  batches(): AsyncIterable<SheetRow[]>;
  /** The first n non-blank rows of the sheet, including those above and at the header (to let a UI pick it). */
  preview(n: number): Promise<SheetRow[]>;
  /** Workbooks: the other sheets that hold a table (hidden ones flagged), for messages about the sheet read. */
  otherSheets(): Promise<{ name: string; hidden: boolean }[]>;
}

export type SheetCell = string | number | null | undefined;

export interface SheetWriterOptions {
  headers: string[];
  /**
   * One-cell lines above the header (a report's "Source: …, encoding Windows-1252"): readers' header detection
   * passes over them, so the file still imports as it is.
   */
  titleRows?: string[];
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
  lists: TemplateList[];
  sheetName?: string;
  /** The instructions sheet in the admin's words; without it, a plain table of the notes. */
  instructions?: TemplateInstructions;
  /** The error Excel shows when a value is not in a single-choice list. */
  listError?: string;
}

export interface TemplateList {
  header: string;
  values: string[];
  /**
   * A cell may hold several values ("VIP, Partner"): the drop-down suggests instead of refusing what is
   * not on it (Excel's list check would refuse any typed list).
   */
  multiple?: boolean;
  /** Shown when a cell of the column is selected. */
  prompt?: string;
}

export interface TemplateInstructions {
  sheetName: string;
  title: string;
  paragraphs: string[];
  /** Head of the column table, e.g. Column · Required · How to fill it · Example. */
  tableHeader: string[];
  /** One row per column of the data sheet. */
  rows: string[][];
}

// What a format reader hands to the sheet source: a row number and the cell texts as they are.
export interface RawRow {
  row: number;
  cells: string[];
  /**
   * Non-empty cells right of the width the reader was asked to keep (1-based columns): a row with one cell in
   * column XFD costs that cell, not 16,384 slots.
   */
  outside?: { col: number; text: string }[];
  /** The row is hidden in the sheet (it is imported all the same; the admin is told). */
  hidden?: true;
  /** 1-based columns of formula cells with no saved result (read as empty). */
  noResult?: number[];
  /** 1-based columns of numbers a csv holds in scientific notation (1.38E+10: digits lost). */
  scientific?: number[];
}

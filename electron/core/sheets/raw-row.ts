// What a format reader hands to the sheet source: a row number and the cell texts as they are.
export interface RawRow {
  row: number;
  cells: string[];
  /**
   * Non-empty cells right of the width the reader was asked to keep (1-based columns): a row with one cell in
   * column XFD costs that cell, not 16,384 slots.
   */
  outside?: { col: number; text: string }[];
}

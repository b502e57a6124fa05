// What a format reader hands to the sheet source: a row number and the cell texts as they are.
export interface RawRow {
  row: number;
  cells: string[];
}

// Where can an unfinished CSV record end? A record that outgrows a chunk (a 20 MB unclosed quote, a file with
// no line break) is not handed to papaparse again with every chunk, which rescans it each time (quadratic):
// this scanner follows papaparse's quoting rules over each new chunk once, and says when a record may have
// ended so papaparse parses it once. It also counts the field's length and the record's fields, so a cell
// or row past Excel's limits is refused while streaming, before the record is held whole.

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Just after a quote inside a quoted field: an escaped quote, the field's end, or (papaparse) text. */
  AfterQuote,
}

export interface ScanLimits {
  cellChars: number;
  columns: number;
}

/** Thrown by scan() when the record passes a limit; the reader turns it into a SheetError. */
export class RecordTooLarge extends Error {
  constructor(
    readonly what: 'cell' | 'columns',
    /** 1-based column of the cell that passed the limit. */
    readonly column: number,
  ) {
    super(what);
  }
}

export class RecordScanner {
  private state = State.FieldStart;
  private fieldChars = 0;
  private column = 1;
  private readonly delim: number;
  private readonly eol: number;

  constructor(
    delimiter: string,
    newline: string,
    private readonly limits: ScanLimits,
  ) {
    this.delim = delimiter.charCodeAt(0);
    // '\r\n' ends at its '\n' (the '\r' before it is just part of the field here: papaparse decides).
    this.eol = newline.charCodeAt(newline.length - 1);
  }

  /** Scans `text` on from the record so far; the index just past where the record may end, or -1. */
  scan(text: string): number {
    const { delim, eol } = this;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.Quoted: {
          // Jump to the next quote: a 20 MB quoted field costs one indexOf per chunk.
          const q = text.indexOf('"', i);
          const to = q < 0 ? n : q;
          this.grow(to - i);
          i = to;
          if (q >= 0) {
            this.state = State.AfterQuote;
            i++;
          }
          continue;
        }
        case State.AfterQuote:
          if (c === 34 /* " */) {
            this.state = State.Quoted; // "" is an escaped quote
            this.grow(1);
          } else if (c === delim) this.nextField();
          else if (c === eol) return this.end(i);
          else if (c !== 32 && c !== 9 && c !== 13) this.state = State.Quoted; // papaparse looks for a later quote
          break;
        case State.FieldStart:
          if (c === 34) this.state = State.Quoted;
          else if (c === delim) this.nextField();
          else if (c === eol) return this.end(i);
          else {
            this.state = State.Unquoted;
            this.grow(1);
          }
          break;
        default:
          if (c === delim) this.nextField();
          else if (c === eol) return this.end(i);
          else this.grow(1);
      }
      i++;
    }
    return -1;
  }

  private grow(chars: number): void {
    this.fieldChars += chars;
    if (this.fieldChars > this.limits.cellChars) throw new RecordTooLarge('cell', this.column);
  }

  private nextField(): void {
    this.state = State.FieldStart;
    this.fieldChars = 0;
    if (++this.column > this.limits.columns) throw new RecordTooLarge('columns', this.column);
  }

  private end(i: number): number {
    this.state = State.FieldStart;
    this.fieldChars = 0;
    this.column = 1;
    return i + 1;
  }
}

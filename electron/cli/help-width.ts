// Terminal columns and line wrapping for help text that mixes Chinese and ASCII. Commander counts one
// column per character and wraps only at spaces; Chinese characters take two columns and a Chinese line
// may break between any two characters (never before a closing mark such as ，。）, nor after an opening one).
import { Help } from 'commander';

const PLAIN = new Help();

/** Chinese characters and full-width punctuation take two terminal columns. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/** Marks a line must not start with, and marks it must not end with. */
const CLOSING = new Set([...'，。、；：！？）」』】》”’']);
const OPENING = new Set([...'（「『【《“‘']);

/** Columns `s` fills in a terminal (ANSI styling ignored, as commander does). */
export function columns(s: string): number {
  return PLAIN.displayWidth(s) + (s.match(WIDE)?.length ?? 0);
}

/** The pieces a line may break between: an ASCII word with the spaces before it, or one wide character. */
function pieces(line: string): string[] {
  const raw = line.match(new RegExp(`\\s*(?:${WIDE.source}|[^\\s${WIDE.source.slice(1, -1)}]+)`, 'gu')) ?? [];
  const out: string[] = [];
  let open = '';
  for (const p of raw) {
    const last = out.length - 1;
    if (last >= 0 && !open && CLOSING.has(p)) out[last] += p;
    else if (OPENING.has(p.trimStart())) open += p;
    else {
      out.push(open + p);
      open = '';
    }
  }
  if (open) out.push(open);
  return out;
}

/** `str` wrapped to `width` columns, keeping its own line breaks. */
export function wrapColumns(str: string, width: number): string {
  return str
    .split(/\r\n|\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const p of pieces(line)) {
        if (current && columns(current + p) > width) {
          lines.push(current);
          current = p.trimStart();
        } else current += p;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

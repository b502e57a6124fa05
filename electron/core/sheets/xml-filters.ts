// Streaming fixes applied to OOXML text before exceljs parses it, for string shapes its streaming reader
// gets wrong. Each filter rewrites complete elements and holds back an element cut by a chunk boundary.

const RPH = /<rPh\b[^>]*>[\s\S]*?<\/rPh>/g;
const INLINE = /<is>[\s\S]*?<\/is>/g;
const TEXT = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;

async function* rewrite(
  chunks: AsyncIterable<string>,
  pattern: RegExp,
  [open, close]: [string, string],
  replace: (element: string) => string,
): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending = (pending + chunk).replace(pattern, replace);
    // Complete elements are rewritten; hold back an unfinished one (they never nest), or a tag cut in half.
    const start = pending.lastIndexOf(open);
    const unfinished = start >= 0 && pending.indexOf(close, start) < 0;
    const lastLt = pending.lastIndexOf('<');
    const cut = unfinished ? start : lastLt > pending.lastIndexOf('>') ? lastLt : pending.length;
    if (cut > 0) yield pending.slice(0, cut);
    pending = pending.slice(cut);
  }
  if (pending) yield pending.replace(pattern, replace);
}

/**
 * Excel with an East Asian IME stores phonetic guides (pinyin, furigana) in shared strings as
 * <rPh><t>zhang</t></rPh>; exceljs keeps the last <t> of a string, so "张三" would read "zhang".
 * Admins never see the guides: drop them.
 */
export const withoutPhonetics = (chunks: AsyncIterable<string>): AsyncGenerator<string> =>
  rewrite(chunks, RPH, ['<rPh', '</rPh>'], () => '');

/** Rich inline strings (<is><r><t>a</t></r><r><t>b</t></r></is>) lose all runs but the last in exceljs: merge them. */
export const mergedInlineStrings = (chunks: AsyncIterable<string>): AsyncGenerator<string> =>
  rewrite(chunks, INLINE, ['<is>', '</is>'], (element) => {
    const texts = [...element.replace(RPH, '').matchAll(TEXT)].map((m) => m[1]);
    return `<is><t xml:space="preserve">${texts.join('')}</t></is>`;
  });

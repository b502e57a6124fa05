// Excel with an East Asian IME stores phonetic guides (pinyin, furigana) inside shared strings as
// <rPh><t>zhang</t></rPh>. exceljs reads the last <t> of a string, so "张三" would come back as "zhang".
// Admins never see these guides: drop the <rPh> elements from the XML text before exceljs parses it.

const RPH = /<rPh\b[^>]*>[\s\S]*?<\/rPh>/g;

export async function* withoutPhonetics(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending = (pending + chunk).replace(RPH, '');
    // Hold back from an unfinished <rPh (or a tag cut in half) until the next chunk completes it.
    const open = pending.lastIndexOf('<rPh');
    const lastLt = pending.lastIndexOf('<');
    const cut = open >= 0 ? open : lastLt > pending.lastIndexOf('>') ? lastLt : pending.length;
    if (cut > 0) yield pending.slice(0, cut);
    pending = pending.slice(cut);
  }
  if (pending) yield pending.replace(RPH, '');
}

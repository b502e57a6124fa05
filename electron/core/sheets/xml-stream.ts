// A streaming XML parse of one OOXML part with saxes (entities decoded once, CDATA kept as text). Elements are
// named by their local name, so `<x:row>` from the Open XML SDK and `<row>` read alike; the namespace URIs
// (Transitional or Strict) are not needed to tell the SpreadsheetML elements apart.
import { SaxesParser } from 'saxes';

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** The attribute `name`, with or without a namespace prefix (`r:id`, `ns1:id`). */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  const plain = attrs[name];
  if (plain !== undefined) return plain;
  for (const key in attrs) if (localName(key) === name && key !== name) return attrs[key];
  return undefined;
}

/** A parser fed chunk by chunk; errors (malformed XML) are thrown from write(). */
export function xmlParser(h: XmlHandlers): { write(chunk: string): void; close(): void } {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => h.open(localName(tag.name), tag.attributes as Record<string, string>));
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  const check = (): void => {
    if (failure) throw failure;
  };
  return {
    write(chunk) {
      parser.write(chunk);
      check();
    },
    close() {
      parser.close();
      check();
    },
  };
}

/** Parses a whole part. */
export async function parseXml(chunks: AsyncIterable<string>, h: XmlHandlers): Promise<void> {
  const p = xmlParser(h);
  for await (const chunk of chunks) p.write(chunk);
  p.close();
}

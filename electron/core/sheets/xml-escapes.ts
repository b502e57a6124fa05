// OOXML strings escape characters XML cannot carry as _xHHHH_ (Excel writes a carriage return as _x000D_,
// since XML parsers turn CR LF into LF); a literal "_x0041_" in a cell is itself escaped as _x005F_x0041_.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** Text as stored → text as Excel shows it. */
export const decodeXmlEscapes = (s: string): string =>
  s.includes('_x') ? s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;

const hex4 = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** Text → text to store, so decodeXmlEscapes gives it back exactly (CR included). */
export const encodeXmlEscapes = (s: string): string =>
  s.replace(ESCAPE, '_x005F_x$1_').replace(UNSAFE, (c) => `_x${hex4(c)}_`);

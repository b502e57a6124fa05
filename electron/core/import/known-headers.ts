// Is this cell a header dtload maps by itself (姓名, mobile, 公司名称…)? The sheet readers take it as a hint
// to find the header row under titles and info rows, and to pass over an instructions sheet.
import { autoMap } from './mapping';

export function isKnownHeader(text: string): boolean {
  if (text.length > 60) return false;
  return autoMap([text], []).columns[0]?.source === 'alias';
}

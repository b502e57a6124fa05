// A contact as the filter sees it: folded (lower-case) copies of the text fields, made once when the
// index loads, so a query over 100,000 contacts compares strings without folding them again.
import type { Contact } from '../../../shared/domain';

export interface IndexedContact {
  c: Contact;
  name: string;
  mobile: string;
  company: string;
  title: string;
  remark: string;
  address: string;
  /** name, mobile, company, title and remark joined: what a bare word searches. */
  hay: string;
}

const fold = (s: string | undefined): string => (s ?? '').trim().toLowerCase();

export function toIndexed(c: Contact): IndexedContact {
  const name = fold(c.name);
  const mobile = (c.mobile ?? '').replace(/[\s\-()]/g, '');
  const company = fold(c.company_name);
  const title = fold(c.title);
  const remark = fold(c.remark);
  // \u0001 between fields: a bare word never matches across two of them.
  const hay = `${name}\u0001${mobile}\u0001${company}\u0001${title}\u0001${remark}`;
  return { c, name, mobile, company, title, remark, address: fold(c.address), hay };
}

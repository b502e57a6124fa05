// Which spreadsheet headers fill which contact field without a mapping file: dtload's own headers in
// both languages (the catalogue's field names, so exports always map back), DingTalk's API names, the
// headers of DingTalk's console export, and the everyday words admins write in zh-CN, zh-TW and en.
// docs/headers.md lists the table; keep the two in step.
import { CATALOGUE } from './i18n/catalogue';
import type { ContactFieldKey } from './import-types';

/** A contact field, or the labels (resolved by name, not a field of its own). */
export type SynonymField = ContactFieldKey | 'labels';

export interface Synonyms {
  /** Simplified Chinese, as admins and DingTalk's console write it. */
  'zh-CN': readonly string[];
  /** Traditional Chinese (Taiwan, Hong Kong). */
  'zh-TW': readonly string[];
  en: readonly string[];
}

/** Besides these, each field's API name and its catalogue name (`field.*`, en and zh-CN) map to it. */
export const HEADER_SYNONYMS: Readonly<Record<SynonymField, Synonyms>> = {
  user_id: {
    'zh-CN': ['外部联系人ID', '联系人ID', '客户ID', '联系人编号'],
    'zh-TW': ['外部聯絡人ID', '聯絡人ID', '聯繫人ID', '客戶ID'],
    en: ['userid', 'User ID', 'Contact ID', 'External contact ID'],
  },
  name: {
    'zh-CN': ['姓名', '客户姓名', '联系人', '联系人姓名', '客户名称', '名字', '外部联系人姓名'],
    'zh-TW': ['姓名', '客戶姓名', '聯絡人', '聯絡人姓名', '聯繫人', '客戶名稱', '名字'],
    en: ['Name', 'Full name', 'Contact name', 'Contact', 'Customer name'],
  },
  mobile: {
    'zh-CN': ['手机', '手机号', '手机号码', '联系电话', '电话', '电话号码', '联系方式', '移动电话'],
    'zh-TW': ['手機', '手機號', '手機號碼', '聯絡電話', '聯繫電話', '電話', '電話號碼', '行動電話'],
    en: ['Mobile', 'Phone', 'Mobile number', 'Mobile phone', 'Phone number', 'Cell', 'Cell phone', 'Tel'],
  },
  state_code: {
    'zh-CN': ['国家码', '区号', '国家区号', '国际区号', '国家代码'],
    'zh-TW': ['國家碼', '區號', '國際區號', '國碼'],
    en: ['Country code', 'Calling code', 'Dial code', 'State code'],
  },
  email: {
    'zh-CN': ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址'],
    'zh-TW': ['郵箱', '電子郵箱', '電子郵件', '電郵', '郵件'],
    en: ['Email', 'E-mail', 'Email address', 'Mail'],
  },
  title: {
    'zh-CN': ['职位', '职务', '岗位', '头衔'],
    'zh-TW': ['職位', '職務', '職稱', '崗位', '頭銜'],
    en: ['Title', 'Job title', 'Position', 'Role'],
  },
  company_name: {
    'zh-CN': ['企业名称', '公司', '公司名称', '单位', '单位名称', '企业', '所属公司', '客户公司'],
    'zh-TW': ['企業名稱', '公司', '公司名稱', '單位', '單位名稱', '企業'],
    en: ['Company', 'Company name', 'Organisation', 'Organization', 'Employer'],
  },
  address: {
    'zh-CN': ['地址', '联系地址', '公司地址', '详细地址', '通讯地址'],
    'zh-TW': ['地址', '聯絡地址', '公司地址', '通訊地址'],
    en: ['Address', 'Street address', 'Mailing address'],
  },
  remark: {
    'zh-CN': ['备注', '说明', '备注信息'],
    'zh-TW': ['備註', '說明'],
    en: ['Remark', 'Remarks', 'Note', 'Notes', 'Comment', 'Comments'],
  },
  follower_user_id: {
    'zh-CN': ['负责人', '负责人ID', '跟进人', '归属人', '客户负责人', '负责员工'],
    'zh-TW': ['負責人', '負責人ID', '跟進人', '歸屬人'],
    en: ['Owner', 'Owner ID', 'Account owner', 'Contact owner'],
  },
  share_user_ids: {
    'zh-CN': ['共享给员工', '共享员工', '共享人', '共享人员', '共享给'],
    'zh-TW': ['共享給員工', '共享員工', '共享人', '共享人員', '共享給'],
    en: ['Shared with staff', 'Shared with users', 'Shared with', 'Shared with colleagues'],
  },
  share_dept_ids: {
    'zh-CN': ['共享给部门', '共享部门'],
    'zh-TW': ['共享給部門', '共享部門'],
    en: ['Shared with departments', 'Shared departments'],
  },
  labels: {
    'zh-CN': ['标签', '客户标签', '联系人标签'],
    'zh-TW': ['標籤', '客戶標籤', '聯絡人標籤'],
    en: ['Labels', 'Label', 'Tags', 'Tag'],
  },
};

/**
 * A header as compared: full-width forms folded (NFKC), line breaks and spaces removed, bracketed
 * notes dropped (`姓名\n(必填)`, `手机号（选填）`, `Email [optional]`, `【必填】`), required-markers (`*`)
 * dropped, lower case. A header that is nothing but a note keeps it.
 */
export function normaliseHeader(header: string): string {
  const folded = header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase();
  const withoutNotes = folded.replace(/[([【〔][^()[\]【】〔〕]*[)\]】〕]/g, '');
  const bare = (s: string): string => s.replace(/[\s*]+/g, '');
  return bare(withoutNotes) || bare(folded);
}

const FIELD_NAMES = Object.keys(HEADER_SYNONYMS) as SynonymField[];

/** A field's own names: its API name and its catalogue names, i.e. what dtload itself writes. */
const ownNames = (field: SynonymField): string[] => {
  const own = CATALOGUE[`field.${field}`];
  return [field, own.en, own['zh-CN']];
};

/** Every header that maps to each field, API and catalogue names first. */
export const HEADER_ALIASES: Readonly<Record<SynonymField, readonly string[]>> = Object.fromEntries(
  FIELD_NAMES.map((field) => {
    const s = HEADER_SYNONYMS[field];
    return [field, [...new Set([...ownNames(field), ...s['zh-CN'], ...s['zh-TW'], ...s.en])]];
  }),
) as unknown as Record<SynonymField, readonly string[]>;

export interface HeaderMatch {
  field: SynonymField;
  /** `own`: a name dtload writes (wins over a label group's name); `synonym`: an everyday word (a group named so wins). */
  tier: 'own' | 'synonym';
}

const INDEX: ReadonlyMap<string, HeaderMatch> = (() => {
  const m = new Map<string, HeaderMatch>();
  for (const field of FIELD_NAMES)
    for (const a of ownNames(field)) m.set(normaliseHeader(a), { field, tier: 'own' });
  for (const field of FIELD_NAMES) {
    for (const alias of HEADER_ALIASES[field]) {
      const key = normaliseHeader(alias);
      // First writer wins; test/i18n checks the table has no header under two fields.
      if (!m.has(key)) m.set(key, { field, tier: 'synonym' });
    }
  }
  return m;
})();

/** The field a header fills by the table, or undefined. */
export function matchHeader(header: string): HeaderMatch | undefined {
  return INDEX.get(normaliseHeader(header));
}

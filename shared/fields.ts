// The contact fields dtload reads and writes, in column order, with how they are typed.
import type { Contact } from './domain';

export type FieldKind = 'string' | 'number-list' | 'string-list';

export interface FieldSpec {
  field: keyof Contact | 'user_id';
  kind: FieldKind;
  /** Read-only through `update` (DingTalk ignores them there). */
  readOnlyOnUpdate?: boolean;
}

export const CONTACT_FIELDS: readonly FieldSpec[] = [
  { field: 'user_id', kind: 'string' },
  { field: 'name', kind: 'string' },
  { field: 'mobile', kind: 'string', readOnlyOnUpdate: true },
  { field: 'state_code', kind: 'string', readOnlyOnUpdate: true },
  { field: 'email', kind: 'string', readOnlyOnUpdate: true },
  { field: 'title', kind: 'string' },
  { field: 'company_name', kind: 'string' },
  { field: 'address', kind: 'string' },
  { field: 'remark', kind: 'string' },
  { field: 'follower_user_id', kind: 'string' },
  { field: 'share_user_ids', kind: 'string-list' },
  { field: 'share_dept_ids', kind: 'number-list' },
];

/** Headers that map to a field without a mapping file (cli-contract.md). Compared trimmed, case-insensitive. */
export const HEADER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  user_id: ['user_id', 'userid', 'User ID', '外部联系人ID', '联系人ID'],
  name: ['name', 'Name', '姓名'],
  mobile: ['mobile', 'Mobile', 'Phone', '手机', '手机号'],
  state_code: ['state_code', 'Country code', '国家码', '区号'],
  email: ['email', 'Email', '邮箱'],
  title: ['title', 'Title', 'Job title', '职位'],
  company_name: ['company_name', 'Company', '公司', '企业名称'],
  address: ['address', 'Address', '地址'],
  remark: ['remark', 'Remark', '备注'],
  follower_user_id: ['follower_user_id', 'Owner', 'Owner ID', '负责人', '负责人ID'],
  share_user_ids: ['share_user_ids', 'Shared with users', '共享给员工'],
  share_dept_ids: ['share_dept_ids', 'Shared with departments', '共享给部门'],
  labels: ['labels', 'Labels', 'Tags', '标签'],
};

/** Separators allowed inside label and id-list cells. */
export const LIST_SEPARATORS = /[,;，；、|\r\n]+/;

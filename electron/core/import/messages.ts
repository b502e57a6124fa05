// Row and mapping messages of the import, in English and Simplified Chinese. The plan is made in the
// admin's language (ImportOptions.language), so the diff view, reports and the CLI all say the same thing.
import type { ImportOptions } from '../../../shared/import-types';

export type Lang = 'en' | 'zh';
type Params = Record<string, string | number>;

const MESSAGES = {
  userIdEmpty: { en: 'user_id is empty', zh: 'user_id 为空' },
  keyRepeated: { en: '{what} {key} is also on row {row}', zh: '{what} {key} 与第 {row} 行重复' },
  deleteNotFound: { en: 'no contact has user_id "{id}"', zh: '没有 user_id 为 "{id}" 的联系人' },
  labelAmbiguous: {
    en: '"{name}" is in {count} groups: write {options}',
    zh: '"{name}" 同时属于 {count} 个标签组：请写成 {options}',
  },
  labelUnknown: { en: 'Unknown label "{name}"', zh: '未知标签 "{name}"' },
  labelUnknownInGroup: {
    en: 'Unknown label "{name}" in group "{group}"',
    zh: '标签组 "{group}" 中没有标签 "{name}"',
  },
  labelDidYouMean: { en: ' (did you mean {names}?)', zh: '（是否指 {names}？）' },
  columnDuplicate: {
    en: 'Column "{header}" is ignored: column "{first}" already holds {target}.',
    zh: '已忽略列 "{header}"：列 "{first}" 已对应 {target}。',
  },
  groupLabels: { en: 'labels of group "{group}"', zh: '标签组 "{group}" 的标签' },
  mappingMissingColumn: {
    en: 'The mapping names a column "{header}" that the sheet does not have.',
    zh: '列对应文件中的列 "{header}" 在表格中不存在。',
  },
  userIdMismatch: {
    en: 'user_id "{sheet}" is not the contact this row matches ({id}, {name})',
    zh: 'user_id "{sheet}" 与本行匹配到的联系人（{id}，{name}）不一致',
  },
  cannotClear: {
    en: '{field} cannot be cleared: DingTalk requires it',
    zh: '{field} 不能清空：钉钉要求必填',
  },
  readOnlyDiffers: {
    en: '{field} "{value}" differs from DingTalk\'s "{current}" but cannot be changed through update; it is left as it is',
    zh: '{field} "{value}" 与钉钉中的 "{current}" 不同，但更新接口不能修改该字段，将保持原值',
  },
  mobileRequiredForCreate: { en: 'mobile is required to create a contact', zh: '新建联系人需要手机号' },
  nameRequired: { en: 'name is required', zh: '姓名为必填项' },
  ownerRequired: { en: 'follower_user_id (owner) is required', zh: '负责人（follower_user_id）为必填项' },
  labelRequired: {
    en: 'at least one label is required (DingTalk answers 60204 otherwise)',
    zh: '至少需要一个标签（否则钉钉返回 60204）',
  },
  tooManyIds: {
    en: '{field}: {count} ids, DingTalk takes at most {max}',
    zh: '{field}：{count} 个，钉钉最多接受 {max} 个',
  },
  mobileForeignCode: {
    en: 'mobile "{raw}" has a country code other than {code}: put it in state_code',
    zh: '手机号 "{raw}" 带有 {code} 以外的国家码：请填写在 state_code 列',
  },
  mobileInvalid: { en: 'mobile "{raw}" is not a phone number', zh: '手机号 "{raw}" 不是有效号码' },
  stateCodeInvalid: {
    en: 'state_code "{raw}" is not a country code (for example 86)',
    zh: 'state_code "{raw}" 不是国家码（例如 86）',
  },
  emailInvalid: { en: 'email "{raw}" is not an email address', zh: '邮箱 "{raw}" 格式不正确' },
  nameTooLong: { en: 'name is longer than {max} characters', zh: '姓名超过 {max} 个字符' },
  notNumericId: { en: '{field}: {values} is not a numeric id', zh: '{field}：{values} 不是数字 ID' },
  keySharedByContacts: {
    en: '{key} belongs to several contacts ({ids}); match by user_id',
    zh: '{key} 对应多个联系人（{ids}）；请按 user_id 匹配',
  },
  nothingToMatchOrCreate: {
    en: 'no {what} to match and no mobile to create a contact with',
    zh: '没有可用于匹配的 {what}，也没有可用于新建联系人的手机号',
  },
  keyEmpty: { en: '{what} is empty', zh: '{what} 为空' },
  keyEmptyUseCreate: {
    en: '{what} is empty (use --create with a mobile to add new contacts)',
    zh: '{what} 为空（如需新建联系人，请填写手机号并开启“新建”）',
  },
  noContactWithMobile: { en: 'no contact has mobile {key}', zh: '没有手机号为 {key} 的联系人' },
  noContactWithMobileUseCreate: {
    en: 'no contact has mobile {key} (use --create to add it)',
    zh: '没有手机号为 {key} 的联系人（如需新建，请开启“新建”）',
  },
  noContactWithUserId: { en: 'no contact has user_id {key}', zh: '没有 user_id 为 {key} 的联系人' },
  leadingZerosDropped: {
    en: '; "{id}" exists: Excel drops leading zeros from a number column, format it as text',
    zh: '；但存在 "{id}"：Excel 会去掉数字列的前导零，请把该列设为文本格式',
  },
  // People and departments by name (electron/core/directory).
  personAmbiguous: {
    en: '{field}: "{text}" matches {count} people: {candidates}',
    zh: '{field}："{text}" 对应 {count} 人：{candidates}',
  },
  personUnknown: {
    en: '{field}: "{text}" is not in the staff directory (if they left, hand their contacts to a colleague with "reassign")',
    zh: '{field}："{text}" 不在通讯录中（如已离职，请先用“移交联系人”把其联系人移交给同事）',
  },
  personMobileUnknown: {
    en: '{field}: no staff member has mobile {text}',
    zh: '{field}：没有手机号为 {text} 的员工',
  },
  personDeptUnknown: {
    en: '{field}: nobody called "{text}" in that department',
    zh: '{field}：该部门中没有 "{text}"',
  },
  deptAmbiguous: {
    en: '{field}: "{text}" matches {count} departments: {candidates}; write the path',
    zh: '{field}："{text}" 对应 {count} 个部门：{candidates}；请写部门路径',
  },
  deptUnknown: { en: '{field}: no department "{text}"', zh: '{field}：没有部门 "{text}"' },
  directoryPermission: {
    en: 'Reading the staff directory failed: {call} answered {errcode}. Grant the app 通讯录只读权限 (contacts read permission) for the whole organisation in the DingTalk developer console, then run again. Nothing was sent.',
    zh: '读取通讯录失败：{call} 返回 {errcode}。请在钉钉开发者后台为应用开通通讯录只读权限（权限范围为全部员工）后重试。未发送任何修改。',
  },
  directoryFailed: {
    en: 'Reading the staff directory failed at {call}: {errcode} {errmsg}. {hint} Nothing was sent.',
    zh: '读取通讯录失败（{call}）：{errcode} {errmsg}。{hint} 未发送任何修改。',
  },
} satisfies Record<string, Record<Lang, string>>;

export type MessageCode = keyof typeof MESSAGES;
export type Say = (code: MessageCode, params?: Params) => string;

const or = { en: ' or ', zh: ' 或 ' };
const list = { en: ', ', zh: '、' };

const makeSay =
  (lang: Lang): Say =>
  (code, params = {}) =>
    MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
const SAYERS: Record<Lang, Say> = { en: makeSay('en'), zh: makeSay('zh') };

/** The formatter for one language. */
export const sayer = (lang: Lang = 'en'): Say => SAYERS[lang];

/** Joins quoted alternatives: `"a", "b" or "c"` / `"a"、"b" 或 "c"`. */
export function joinAlternatives(items: readonly string[], lang: Lang = 'en'): string {
  return items.length <= 1 ? (items[0] ?? '') : items.slice(0, -1).join(list[lang]) + or[lang] + items.at(-1);
}

export const langOf = (options: Pick<ImportOptions, 'language'> | undefined): Lang =>
  options?.language === 'zh' ? 'zh' : 'en';

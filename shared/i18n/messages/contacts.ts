// The contacts workspace: the query language's errors and the bulk edit, duplicates and index messages
// (core and CLI). The Contacts screen's own texts are under `ws.` here too, so they sit beside the rest.
import type { Entries } from './entries';

export const contacts = {
  'query.unclosedQuote': { en: 'a quote is not closed', 'zh-CN': '引号没有闭合' },
  'query.emptyValue': { en: '"{key}:" needs a value', 'zh-CN': '"{key}:" 后面需要一个值' },
  'query.unknownKey': {
    en: 'unknown key "{key}" (keys: {keys})',
    'zh-CN': '未知的键 "{key}"（可用：{keys}）',
  },
  'query.loneMinus': { en: '"-" must be followed by a term', 'zh-CN': '"-" 后面需要跟一个条件' },
  'query.unknownLabel': { en: 'no label "{name}"{near}', 'zh-CN': '没有标签 "{name}"{near}' },
  'query.unknownGroup': { en: 'no label group "{name}"{near}', 'zh-CN': '没有标签组 "{name}"{near}' },
  'query.noLabelMatches': { en: 'no label matches "{name}"', 'zh-CN': '没有与 "{name}" 匹配的标签' },
  'query.near': { en: ' (closest: {names})', 'zh-CN': '（最接近：{names}）' },
  'query.notDeptId': {
    en: '"{name}" is not a department id (department names need the staff directory)',
    'zh-CN': '"{name}" 不是部门 ID（按名称查找部门需要员工通讯录）',
  },
  'query.bad': { en: 'Bad query: {reason} — at "{term}"', 'zh-CN': '查询有误：{reason} —— 位于 "{term}"' },
  'edit.gone': { en: 'contact {id} no longer exists', 'zh-CN': '联系人 {id} 已不存在' },
  'edit.noMatches': {
    en: 'No contact matches "{query}": nothing to do, nothing sent.',
    'zh-CN': '没有联系人符合 "{query}"：无需操作，未发送任何请求。',
  },
  'edit.noAction': {
    en: 'Say what to do: --add-label, --remove-label, --set-owner, --share-with-users, --share-with-depts, --unshare-users, --unshare-depts or --set FIELD=VALUE',
    'zh-CN':
      '请指定操作：--add-label、--remove-label、--set-owner、--share-with-users、--share-with-depts、--unshare-users、--unshare-depts 或 --set 字段=值',
  },
  'edit.badSet': {
    en: '--set "{arg}": write FIELD=VALUE with FIELD one of {fields}',
    'zh-CN': '--set "{arg}"：请写成 字段=值，字段为 {fields} 之一',
  },
  'edit.matches': {
    en: '{count} contacts match "{query}" (index of {total} contacts, refreshed {age})',
    'zh-CN': '{count} 个联系人符合 "{query}"（本地索引共 {total} 个联系人，{age}刷新）',
  },
  'index.age.now': { en: 'just now', 'zh-CN': '刚刚' },
  'index.age.minutes': { en: '{n} minutes ago', 'zh-CN': '{n} 分钟前' },
  'index.loading': {
    en: 'Reading every contact into the local index',
    'zh-CN': '正在读取全部联系人到本地索引',
  },
  'dup.keep': {
    en: 'duplicate group {group}: kept, takes the labels and sharing of {count} others',
    'zh-CN': '重复组 {group}：保留，合并另外 {count} 个联系人的标签和共享',
  },
  'dup.mergedInto': {
    en: 'duplicate of {id} ({name}): merged into it',
    'zh-CN': '与 {id}（{name}）重复：合并到该联系人',
  },
  'dup.reason.mobile': { en: 'same mobile', 'zh-CN': '手机号相同' },
  'dup.reason.name-company': { en: 'same name and company', 'zh-CN': '姓名和公司相同' },
  'dup.reason.similar-name': { en: 'near-identical name, same company', 'zh-CN': '姓名几乎相同且公司相同' },
  'dup.none': { en: 'No duplicate contacts among {total}.', 'zh-CN': '{total} 个联系人中没有重复。' },
  'dup.found': {
    en: '{groups} groups of duplicates ({contacts} contacts) among {total}.',
    'zh-CN': '{total} 个联系人中有 {groups} 组重复（共 {contacts} 个联系人）。',
  },
} as const satisfies Entries;

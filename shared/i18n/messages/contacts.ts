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
} as const satisfies Entries;

// Handing over contacts (交接客户: `dtload reassign` and the app's dialog) and the cached staff directory
// (its age and "refresh").
import type { Entries } from './entries';

export const people = {
  'reassign.needBoth': {
    en: 'Say whose contacts go to whom: --from PERSON --to PERSON',
    'zh-CN': '请指定交接双方：--from 交出人 --to 接收人',
  },
  'reassign.same': {
    en: '--from and --to are the same person ({name}): nothing to hand over',
    'zh-CN': '--from 和 --to 是同一个人（{name}）：无需交接',
  },
  'reassign.none': {
    en: 'No contact is owned by {from}{shares}: nothing to do, nothing sent.',
    'zh-CN': '{from} 名下没有联系人{shares}：无需操作，未发送任何请求。',
  },
  'reassign.noneShared': { en: ' or shared with them', 'zh-CN': '，也没有共享给其的联系人' },
  'reassign.matches': {
    en: '{from} owns {owned} contacts{shared}; they go to {to}{left}',
    'zh-CN': '{from} 负责 {owned} 个联系人{shared}，将移交给 {to}{left}',
  },
  'reassign.sharedCount': {
    en: ' and {count} more are shared with them',
    'zh-CN': '，另有 {count} 个共享给其',
  },
  'reassign.left': {
    en: ' ({from} is no longer in the staff directory)',
    'zh-CN': '（{from} 已不在通讯录中）',
  },
  'reassign.title': {
    en: 'Hand-over plan: {count} contacts of {from} → {to}',
    'zh-CN': '交接计划：{from} 的 {count} 个联系人 → {to}',
  },
  'reassign.source': { en: 'hand over {from} → {to}', 'zh-CN': '交接 {from} → {to}' },
} as const satisfies Entries;

// Handing over contacts (交接客户: `dtload reassign` and the app's dialog) and the cached staff directory
// (its age and "refresh").
import type { Entries } from './entries';

export const people = {
  'reassign.needBoth': {
    en: 'Say whose contacts go to whom: --from PERSON --to PERSON',
    'zh-CN': '请指定交接双方：--from 交出人 --to 接收人',
  },
  'reassign.fromUnknown': {
    en: '--from: "{text}" is not in the staff directory, and no contact carries that userid (someone who has left is named by their userid, as an export with ids shows it)',
    'zh-CN':
      '--from："{text}" 不在通讯录中，也没有联系人带有这个 userid（已离职的人请用其 userid 指定，按 ID 导出即可看到）',
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

  // The app's hand-over dialog.
  'handover.open': { en: 'Hand over contacts', 'zh-CN': '交接客户' },
  'handover.intro': {
    en: 'Every contact one person owns goes to a colleague, e.g. when someone leaves or changes role. You see every change before anything is sent.',
    'zh-CN': '把一名员工负责的全部客户交给另一名同事，适用于离职或调岗。发送前会先列出全部变更。',
  },
  'handover.from': { en: 'From (current owner)', 'zh-CN': '交出人（当前负责人）' },
  'handover.to': { en: 'To (new owner)', 'zh-CN': '接收人（新负责人）' },
  'handover.search': {
    en: 'Search by name, department, mobile or userid',
    'zh-CN': '按姓名、部门、手机号或 userid 搜索',
  },
  'handover.alsoShares': {
    en: 'Also hand over the contacts shared with them (replace them under "Shared with staff")',
    'zh-CN': '同时交接共享给其的客户（在“共享给员工”中替换为接收人）',
  },
  'handover.owned': { en: '{count} contacts', 'zh-CN': '{count} 个客户' },
  'handover.sharedCount': { en: '{count} shared', 'zh-CN': '共享 {count} 个' },
  'handover.left': { en: 'left', 'zh-CN': '已离职' },
  'handover.notStaff': { en: 'not in the staff directory', 'zh-CN': '不在通讯录中' },
  'handover.summary': {
    en: '{count} contacts go from {from} to {to}.',
    'zh-CN': '将把 {count} 个客户从 {from} 交给 {to}。',
  },
  'handover.none': {
    en: '{from} owns no contacts: nothing to hand over.',
    'zh-CN': '{from} 名下没有客户：无需交接。',
  },

  'directory.templateIds': {
    en: 'The owner and sharing columns have no staff drop-down and take userids: the staff directory could not be read ({call} answered {errcode}). Grant the app 通讯录只读权限 (contacts read permission) for names.',
    'zh-CN':
      '负责人和共享列没有员工下拉列表，需填写 userid：无法读取通讯录（{call} 返回 {errcode}）。为应用开通通讯录只读权限后即可使用姓名。',
  },

  // The cached staff directory.
  // {age}: lib/age's agoText ("3 hours ago" / "3 小时前", "just now" / "刚刚").
  'people.dir.age': { en: 'Directory read {age}', 'zh-CN': '{age}读取通讯录' },
  'people.dir.notRead': { en: 'Directory not read yet', 'zh-CN': '通讯录尚未读取' },
  // A read that failed since (the table's names, a dry run, a refresh): the toolbar's warning.
  'people.dir.lastFailed': { en: 'last read failed {age}', 'zh-CN': '{age}读取失败' },
  // The directory on the connection screen.
  'people.dir.title': { en: 'Staff directory', 'zh-CN': '员工通讯录' },
  'people.dir.summary': {
    en: '{staff} people in {departments} departments, read {age}',
    'zh-CN': '{staff} 人，{departments} 个部门，{age}读取',
  },
  'people.dir.never': {
    en: 'Not read yet for this connection.',
    'zh-CN': '此连接尚未读取通讯录。',
  },
  'people.dir.reading': {
    en: 'Reading the staff directory… {staff} people in {departments} departments so far',
    'zh-CN': '正在读取通讯录… 已读取 {staff} 人，{departments} 个部门',
  },
  'people.dir.readNow': { en: 'Read now', 'zh-CN': '立即读取' },
  'people.dir.help': {
    en: "dtload shows owners and sharing by name, and reads the names typed in a sheet, through this directory. Reading it needs the app's 通讯录只读权限 (contacts read permission).",
    'zh-CN':
      'dtload 通过员工通讯录以姓名显示负责人和共享，并识别表格中填写的姓名。读取通讯录需要应用开通通讯录只读权限。',
  },
  'people.dir.failed': { en: 'Could not read the staff directory', 'zh-CN': '无法读取员工通讯录' },
  'people.dir.size': {
    en: '{staff} staff in {departments} departments',
    'zh-CN': '{departments} 个部门，{staff} 名员工',
  },
} as const satisfies Entries;

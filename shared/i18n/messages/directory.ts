// People and departments by name (electron/core/directory): resolution messages of plans, and a failed
// directory read.
import type { Entries } from './entries';

export const directory = {
  'directory.personAmbiguous': {
    en: '{field}: "{text}" matches {count} people: {candidates}',
    'zh-CN': '{field}："{text}" 对应 {count} 人：{candidates}',
  },
  'directory.personUnknown': {
    en: '{field}: "{text}" is not in the staff directory (if they left, give their contacts to a colleague first: "Hand over contacts" in the app, dtload reassign on the command line)',
    'zh-CN':
      '{field}："{text}" 不在通讯录中（如已离职，请先把其联系人交给同事：应用中的“交接客户”，或命令行 dtload reassign）',
  },
  'directory.personMobileUnknown': {
    en: '{field}: no staff member has mobile {text}',
    'zh-CN': '{field}：没有手机号为 {text} 的员工',
  },
  'directory.personDeptUnknown': {
    en: '{field}: nobody called "{text}" in that department',
    'zh-CN': '{field}：该部门中没有 "{text}"',
  },
  'directory.deptAmbiguous': {
    en: '{field}: "{text}" matches {count} departments: {candidates}; write the path',
    'zh-CN': '{field}："{text}" 对应 {count} 个部门：{candidates}；请写部门路径',
  },
  'directory.deptUnknown': { en: '{field}: no department "{text}"', 'zh-CN': '{field}：没有部门 "{text}"' },
  'directory.permission': {
    en: 'Reading the staff directory failed: {call} answered {errcode}. Grant the app 通讯录只读权限 (contacts read permission) for the whole organisation in the DingTalk developer console, then run again. Nothing was sent.',
    'zh-CN':
      '读取通讯录失败：{call} 返回 {errcode}。请在钉钉开发者后台为应用开通通讯录只读权限（权限范围为全部员工）后重试。未发送任何修改。',
  },
  'directory.failed': {
    en: 'Reading the staff directory failed at {call}: {errcode} {errmsg}. {hint} Nothing was sent.',
    'zh-CN': '读取通讯录失败（{call}）：{errcode} {errmsg}。{hint} 未发送任何修改。',
  },
  'directory.exportIds': {
    en: 'Owners and sharing are written as ids: the staff directory could not be read ({call} answered {errcode}). Grant the app 通讯录只读权限 (contacts read permission) to export names.',
    'zh-CN':
      '负责人和共享以 ID 导出：无法读取通讯录（{call} 返回 {errcode}）。为应用开通通讯录只读权限后即可导出姓名。',
  },
} as const satisfies Entries;

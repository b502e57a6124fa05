// What dtload writes into spreadsheets (the readers' messages are in sheets.ts): sheet names, the import template's instructions (written for an
// admin, no command-line options), and the columns and values of reports.
import type { Entries } from './entries';

export const written = {
  'sheet.contacts': { en: 'Contacts', 'zh-CN': '联系人' },
  'sheet.deletedContacts': { en: 'Deleted contacts', 'zh-CN': '已删除的联系人' },
  'sheet.report': { en: 'Report', 'zh-CN': '报告' },
  'sheet.failedRows': { en: 'Failed rows', 'zh-CN': '失败的行' },
  'report.source': {
    en: 'Source: sheet "{sheet}", header row {headerRow}{encoding}',
    'zh-CN': '来源：工作表“{sheet}”，表头在第 {headerRow} 行{encoding}',
  },
  'report.sourceCsv': {
    en: 'Source: CSV file "{sheet}", header row {headerRow}{encoding}',
    'zh-CN': '来源：CSV 文件“{sheet}”，表头在第 {headerRow} 行{encoding}',
  },

  'template.instructions': { en: 'How to fill in', 'zh-CN': '填写说明' },
  'template.title': {
    en: 'How to fill in this sheet',
    'zh-CN': '如何填写本表格',
  },
  'template.p.rows': {
    en: 'Fill in one contact per row on the sheet "{sheet}", from row 2 on. Keep the header row as it is.',
    'zh-CN': '请在“{sheet}”工作表中每行填写一个联系人，从第 2 行开始。请勿修改表头。',
  },
  'template.p.new': {
    en: 'New contacts: leave {userId} empty and fill in at least {required} and one label. When you import the file, turn on "{create}".',
    'zh-CN': '新建联系人：{userId}留空，并至少填写{required}和一个标签。导入时请勾选“{create}”。',
  },
  'template.p.update': {
    en: "Changing existing contacts: start from an export of your contacts instead of this blank sheet. It has each contact's {userId}, which tells dtload which contact a row is.",
    'zh-CN':
      '修改已有联系人：请从导出的联系人表格开始，而不是这张空白表格。导出表格中有每个联系人的{userId}，dtload 据此找到对应的联系人。',
  },
  'template.p.lists': {
    en: 'Columns with a drop-down list: choose a value from the list. Several labels or colleagues go in one cell, separated by commas (,) or 、.',
    'zh-CN':
      '带下拉列表的列：请从列表中选择。一个单元格可以填写多个标签或同事，用逗号（，）或顿号（、）分隔。',
  },
  'template.p.fixed': {
    en: '{fixed} can only be set when a contact is created; DingTalk keeps them unchanged afterwards.',
    'zh-CN': '{fixed}只能在新建联系人时填写，之后钉钉不允许修改。',
  },
  'template.p.blank': {
    en: "An empty cell keeps the contact's current value.",
    'zh-CN': '空白单元格表示保留联系人当前的值。',
  },
  'template.p.check': {
    en: 'Then import the file in dtload: it checks every row and shows each change before anything is sent to DingTalk.',
    'zh-CN': '填好后在 dtload 中导入：dtload 会检查每一行，并在发送到钉钉之前列出每一项变更。',
  },
  'template.col.column': { en: 'Column', 'zh-CN': '列' },
  'template.col.required': { en: 'Required', 'zh-CN': '是否必填' },
  'template.col.how': { en: 'How to fill it in', 'zh-CN': '填写方法' },
  'template.col.example': { en: 'Example', 'zh-CN': '示例' },
  'template.required.always': { en: 'Required', 'zh-CN': '必填' },
  'template.required.new': { en: 'For new contacts', 'zh-CN': '新建时必填' },
  'template.required.no': { en: 'Optional', 'zh-CN': '选填' },
  'template.note.user_id': {
    en: 'Leave empty for a new contact. An export fills it in for existing contacts: do not change it.',
    'zh-CN': '新建联系人时留空。导出的表格中已为现有联系人填好，请勿修改。',
  },
  'template.note.name': { en: "The contact's name.", 'zh-CN': '联系人的姓名。' },
  'template.note.mobile': {
    en: 'Digits only. Needed to create a contact; cannot be changed afterwards.',
    'zh-CN': '只填数字。新建联系人时必填，之后不能修改。',
  },
  'template.note.state_code': {
    en: 'Country calling code, 86 when empty. Cannot be changed afterwards.',
    'zh-CN': '国家或地区的电话区号，留空即为 86。之后不能修改。',
  },
  'template.note.email': {
    en: 'Cannot be changed after the contact is created.',
    'zh-CN': '新建后不能修改。',
  },
  'template.note.title': { en: "The contact's job title.", 'zh-CN': '联系人的职位。' },
  'template.note.company_name': { en: "The contact's company.", 'zh-CN': '联系人所在的企业。' },
  'template.note.address': { en: 'Postal address.', 'zh-CN': '联系地址。' },
  'template.note.remark': {
    en: 'Anything your colleagues should know.',
    'zh-CN': '需要同事了解的其他信息。',
  },
  'template.note.follower_user_id': {
    en: 'The colleague responsible for this contact: choose from the list.',
    'zh-CN': '负责该联系人的同事：请从列表中选择。',
  },
  'template.note.follower_user_id.ids': {
    en: 'The staff ID (userid) of the colleague responsible for this contact, as the DingTalk admin console shows it.',
    'zh-CN': '负责该联系人的同事的员工 ID（userid），可在钉钉管理后台查看。',
  },
  'template.note.share_user_ids': {
    en: 'Colleagues who also see this contact: choose from the list, several separated by commas (at most 20).',
    'zh-CN': '同时可以查看该联系人的同事：从列表中选择，多人用逗号分隔（最多 20 人）。',
  },
  'template.note.share_user_ids.ids': {
    en: 'Staff IDs of colleagues who also see this contact, separated by commas (at most 20).',
    'zh-CN': '同时可以查看该联系人的同事的员工 ID，用逗号分隔（最多 20 个）。',
  },
  'template.note.share_dept_ids': {
    en: 'Departments whose members also see this contact, separated by commas (at most 20).',
    'zh-CN': '其成员同时可以查看该联系人的部门，用逗号分隔（最多 20 个）。',
  },
  'template.note.group': {
    en: 'Labels of the group "{group}": choose from the list; several separated by commas.',
    'zh-CN': '标签组“{group}”中的标签：从列表中选择，多个用逗号分隔。',
  },
  'template.example.name': { en: 'Chris Wang', 'zh-CN': '王晓明' },
  'template.example.title': { en: 'Purchasing manager', 'zh-CN': '采购经理' },
  'template.example.company_name': { en: 'Example Trading Ltd', 'zh-CN': '示例贸易有限公司' },
  'template.example.address': { en: '1 Example Road, Hangzhou', 'zh-CN': '杭州市示例路 1 号' },
  'template.prompt.several': {
    en: 'Choose from the list, or type several separated by commas.',
    'zh-CN': '从列表中选择，或输入多个并用逗号分隔。',
  },
  'template.prompt.one': { en: 'Choose from the list.', 'zh-CN': '请从列表中选择。' },
  'template.listError': { en: 'Choose a value from the list.', 'zh-CN': '请从下拉列表中选择。' },

  // Reports: the columns after the sheet's own, and their values. In English they stay the words of the
  // CLI contract (action, status…), which scripts read; the import recognises both languages' names.
  'sheet.col.action': { en: 'action', 'zh-CN': '操作' },
  'sheet.col.status': { en: 'status', 'zh-CN': '状态' },
  'sheet.col.errcode': { en: 'errcode', 'zh-CN': '错误码' },
  'sheet.col.errmsg': { en: 'errmsg', 'zh-CN': '错误信息' },
  'sheet.col.hint': { en: 'hint', 'zh-CN': '处理建议' },
  'sheet.col.error': { en: 'error', 'zh-CN': '错误' },
  'sheet.action.create': { en: 'create', 'zh-CN': '新建' },
  'sheet.action.update': { en: 'update', 'zh-CN': '更新' },
  'sheet.action.delete': { en: 'delete', 'zh-CN': '删除' },
  'sheet.action.unchanged': { en: 'unchanged', 'zh-CN': '无变化' },
  'sheet.action.invalid': { en: 'invalid', 'zh-CN': '无效' },
  'sheet.status.planned': { en: 'planned', 'zh-CN': '待执行' },
  'sheet.status.ok': { en: 'ok', 'zh-CN': '成功' },
  'sheet.status.failed': { en: 'failed', 'zh-CN': '失败' },
  'sheet.status.skipped': { en: 'skipped', 'zh-CN': '已跳过' },
  'sheet.status.unchanged': { en: 'unchanged', 'zh-CN': '无变化' },
  'sheet.status.conflict': { en: 'conflict', 'zh-CN': '冲突' },
  'sheet.status.not-sent': { en: 'not-sent', 'zh-CN': '未发送' },
  'sheet.hint.invalid': {
    en: 'Fix the row in the sheet and import it again; nothing was sent for it.',
    'zh-CN': '请在表格中修正该行后重新导入；该行没有发送任何内容。',
  },
  'sheet.conflict': {
    en: 'Changed in DingTalk after the plan was made, in what this row changes too ({fields}); not overwritten',
    'zh-CN': '制定计划后该联系人在钉钉中被修改，且修改了本行也要改的内容（{fields}）；未覆盖',
  },
  'sheet.gone': {
    en: 'The contact was deleted in DingTalk after the plan was made; nothing was sent',
    'zh-CN': '制定计划后该联系人已在钉钉中被删除；未发送任何内容',
  },
  'sheet.hint.resume': {
    en: 'Finish the job with `dtload resume` (its id is in `dtload jobs`) to send this row.',
    'zh-CN': '用 `dtload resume` 继续该任务（任务 ID 见 `dtload jobs`）即可发送该行。',
  },
  'sheet.notRun': {
    en: 'not sent: the job ended before this row',
    'zh-CN': '未发送：任务在该行之前已结束',
  },
} as const satisfies Entries;

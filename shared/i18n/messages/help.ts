// `dtload --help` in Chinese. The English help is the commands' own text (electron/cli/commands/*); these
// entries replace it when the language is zh-CN: section titles, each command's summary, and options by
// flag (`help.opt.--apply`), or by command and flag where one command means something else by it.
import type { Entries } from './entries';

export const help = {
  'help.title.usage': { en: 'Usage:', 'zh-CN': '用法：' },
  'help.title.options': { en: 'Options:', 'zh-CN': '选项：' },
  'help.title.commands': { en: 'Commands:', 'zh-CN': '命令：' },
  'help.title.arguments': { en: 'Arguments:', 'zh-CN': '参数：' },
  'help.title.global': { en: 'Global Options:', 'zh-CN': '全局选项：' },
  // The placeholders commander writes into usage lines and the notes it adds after a description.
  'help.usage.options': { en: '[options]', 'zh-CN': '[选项]' },
  'help.usage.command': { en: '[command]', 'zh-CN': '[命令]' },
  'help.note.choices': { en: 'choices: {values}', 'zh-CN': '可选值：{values}' },
  'help.note.default': { en: 'default: {value}', 'zh-CN': '默认：{value}' },
  'help.note.preset': { en: 'preset: {value}', 'zh-CN': '不带值时：{value}' },
  'help.note.env': { en: 'env: {name}', 'zh-CN': '环境变量：{name}' },
  // The line after a usage error: where the options are described.
  'help.afterError': {
    en: '(run {command} --help to see its options)',
    'zh-CN': '（运行 {command} --help 查看可用选项）',
  },
  // Commander's usage errors (printed before that line), by what commander says in English.
  'help.error.missingArgument': {
    en: "error: missing required argument '{name}'",
    'zh-CN': '错误：缺少必需的参数 {name}',
  },
  'help.error.unknownOption': { en: "error: unknown option '{flag}'", 'zh-CN': '错误：未知选项 {flag}' },
  'help.error.unknownCommand': { en: "error: unknown command '{name}'", 'zh-CN': '错误：未知命令 {name}' },
  'help.error.argumentMissing': {
    en: "error: option '{flags}' argument missing",
    'zh-CN': '错误：选项 {flags} 缺少值',
  },
  'help.error.badChoice': {
    en: "error: option '{flags}' argument '{value}' is invalid. Allowed choices are {choices}.",
    'zh-CN': '错误：选项 {flags} 的值 "{value}" 无效，可选值：{choices}',
  },
  'help.error.requiredOption': {
    en: "error: required option '{flags}' not specified",
    'zh-CN': '错误：缺少必需的选项 {flags}',
  },
  'help.error.tooManyArguments': {
    en: 'error: too many arguments. Expected {expected} arguments but got {received}.',
    'zh-CN': '错误：参数过多：应为 {expected} 个，实际 {received} 个',
  },
  'help.error.didYouMean': { en: '(Did you mean {suggestion}?)', 'zh-CN': '（是否要输入 {suggestion}？）' },
  'help.program': {
    en: "Bulk-edit a DingTalk organisation's external contacts from spreadsheets.",
    'zh-CN': '用表格批量管理钉钉组织的外部联系人。',
  },
  'help.after': {
    en: 'Credentials come from the environment: DTLOAD_APP_KEY and DTLOAD_APP_SECRET.',
    'zh-CN':
      '凭据取自环境变量 DTLOAD_APP_KEY 和 DTLOAD_APP_SECRET。\n退出码：0 成功 · 1 有行失败或无效 · 2 用法或输入错误 · 3 被钉钉停止（凭据、权限、配额） · 4 无法连接钉钉（检查 --base-url） · 70 内部错误（缺陷） · 130 已中断（可继续）。',
  },

  'help.cmd.labels': {
    en: 'print label groups and their labels with ids',
    'zh-CN': '列出标签组及其标签和 ID',
  },
  'help.cmd.export': {
    en: 'write every external contact to .xlsx or .csv',
    'zh-CN': '把全部外部联系人导出为 .xlsx 或 .csv（标签、负责人、共享均为名称）',
  },
  'help.cmd.template': {
    en: 'write a blank import sheet',
    'zh-CN': '生成空白导入模板；标签、负责人和共享列带下拉列表',
  },
  'help.cmd.import': {
    en: 'plan or --apply an import',
    'zh-CN': '按表格导入：默认试运行（只生成计划），加 --apply 才发送',
  },
  'help.cmd.delete': {
    en: 'delete the contacts a sheet lists',
    'zh-CN': '删除表格所列的联系人（默认试运行；--apply 先备份再删除）',
  },
  'help.cmd.edit': {
    en: 'bulk-edit the contacts a query selects',
    'zh-CN': '批量编辑查询选中的联系人（默认试运行；--apply 发送变更）',
  },
  'help.cmd.reassign': {
    en: 'hand every contact of one owner to another',
    'zh-CN': '交接客户：把一名负责人的全部联系人交给另一人（默认试运行；--apply 发送变更）',
  },
  'help.cmd.duplicates': {
    en: 'find duplicate contacts',
    'zh-CN': '查找重复联系人（手机号相同、姓名和公司相同、姓名几乎相同）；--merge 生成合并计划',
  },
  'help.cmd.undo': {
    en: 'restore what a job changed',
    'zh-CN': '撤销一个任务所做的修改（默认试运行；--apply 发送）',
  },
  'help.cmd.jobs': {
    en: 'list jobs in the data dir',
    'zh-CN': '列出数据目录中的任务及其状态和计数（中断的任务可用 `dtload resume` 继续）',
  },
  'help.cmd.resume': {
    en: 'finish an interrupted job',
    'zh-CN': '继续完成中断的任务，已完成的行不会重复发送',
  },
  'help.cmd.sandbox': {
    en: 'serve the sandbox organisation',
    'zh-CN': '在 127.0.0.1 上运行沙箱组织（用于演示和测试的本地钉钉），联系人保存在数据目录中',
  },
  'help.cmd.ui': {
    en: "serve the app's screens",
    'zh-CN': '在 127.0.0.1 上提供应用界面（网页模式）；打印的地址带有访问令牌',
  },
  'help.cmd.help': { en: 'display help for command', 'zh-CN': '显示命令的帮助' },

  'help.opt.--sandbox': { en: 'the sandbox organisation', 'zh-CN': '使用内置沙箱组织（无需凭据）' },
  'help.opt.--base-url': {
    en: 'DingTalk API host',
    'zh-CN': '钉钉 API 地址：https://oapi.dingtalk.io（默认）或 https://oapi.dingtalk.com（中国大陆）',
  },
  'help.opt.--max-qps': { en: 'calls per second', 'zh-CN': '每个接口每秒调用次数的上限' },
  'help.opt.--data-dir': { en: 'data dir', 'zh-CN': '任务日志、报告和备份的存放目录' },
  'help.opt.--lang': {
    en: 'language',
    'zh-CN': '表头、模板、报告和提示的语言：zh-CN 或 en（默认：环境变量 DTLOAD_LANG，否则取系统语言）',
  },
  'help.opt.--version': { en: 'print the version', 'zh-CN': '显示版本号' },
  'help.opt.--help': { en: 'display help for command', 'zh-CN': '显示帮助' },
  'help.opt.--json': { en: 'print JSON', 'zh-CN': '以 JSON 输出（进度事件和摘要，每行一个对象）' },
  'help.opt.--report': { en: 'write a report', 'zh-CN': '写出报告：.xlsx、.csv 或 .json' },
  'help.opt.--apply': {
    en: 'send the changes',
    'zh-CN': '发送变更（不加则为试运行，不发送任何内容）',
  },
  'help.opt.--refresh': {
    en: 'read every contact again',
    'zh-CN': '先重新读取全部联系人到本地索引',
  },
  'help.opt.--where': {
    en: 'query',
    'zh-CN': '用查询语言选择联系人（见 docs/cli.md），如 "label:VIP -owner:lina02"',
  },
  'help.opt.--sheet': { en: 'sheet', 'zh-CN': '要读取的工作表（默认：第一个有数据的可见工作表）' },
  'help.opt.--header-row': { en: 'header row', 'zh-CN': '表头所在行号（默认：自动识别）' },
  'help.opt.--encoding': {
    en: 'encoding',
    'zh-CN': 'CSV 的文本编码，如 utf-8、gb18030、gbk、big5（默认：自动识别）',
  },
  'help.opt.--port': { en: 'port', 'zh-CN': '监听端口（0 = 任意空闲端口）' },
  'help.opt.--mapping': {
    en: 'mapping file',
    'zh-CN': '列与字段的对应文件（表头 → 字段 | "labels" | {"group": 名称} | "ignore"）',
  },
  'help.opt.--save-mapping': {
    en: 'save the mapping',
    'zh-CN': '保存本次使用的列对应（含自动识别的列），可用 --mapping 复用',
  },
  'help.opt.--match': { en: 'match by', 'zh-CN': '按哪一列匹配联系人' },
  'help.opt.--labels': { en: 'labels mode', 'zh-CN': '替换、添加或移除标签' },
  'help.opt.--blank': { en: 'blank cells', 'zh-CN': '空单元格保留还是清空该字段' },
  'help.opt.--create': { en: 'create', 'zh-CN': '没有匹配联系人且有手机号的行将被新建' },
  'help.opt.--ids': { en: 'ids', 'zh-CN': '负责人和共享以 userid 和部门 ID 导出（默认：名称）' },
  'help.opt.--add-label': { en: 'add labels', 'zh-CN': '添加标签（名称或 组/标签；逗号分隔，可重复）' },
  'help.opt.--remove-label': { en: 'remove labels', 'zh-CN': '移除标签' },
  'help.opt.--set-owner': { en: 'owner', 'zh-CN': '设为负责人（姓名、姓名（部门）、手机号或 userid）' },
  'help.opt.--share-with-users': { en: 'share', 'zh-CN': '共享给这些员工' },
  'help.opt.--share-with-depts': { en: 'share', 'zh-CN': '共享给这些部门（名称、路径或 ID）' },
  'help.opt.--unshare-users': { en: 'unshare', 'zh-CN': '取消共享给这些员工' },
  'help.opt.--unshare-depts': { en: 'unshare', 'zh-CN': '取消共享给这些部门' },
  'help.opt.--set': {
    en: 'set',
    'zh-CN': '设置文本字段：title、company_name、address、remark（可重复；值为空则清空）',
  },
  'help.opt.--delete': { en: 'delete', 'zh-CN': '删除匹配的联系人（执行前先备份）' },
  'help.opt.--from': {
    en: 'from',
    'zh-CN': '交出人：姓名、姓名（部门）、员工手机号或 userid（离职员工用 userid）',
  },
  'help.opt.--to': { en: 'to', 'zh-CN': '接收人：姓名、姓名（部门）、手机号或 userid' },
  'help.opt.--also-shares': { en: 'also shares', 'zh-CN': '同时在共享给员工中把交出人替换为接收人' },
  'help.opt.--merge': { en: 'merge', 'zh-CN': '生成合并计划：每组保留一个，合并全组的标签和共享，删除其余' },
  'help.opt.--force': { en: 'force', 'zh-CN': '任务之后又被修改的联系人也恢复（覆盖之后的修改）' },
  'help.opt.--other-org': { en: 'other org', 'zh-CN': '即使任务是在另一个组织或应用上计划的也继续' },
  'help.opt.--contacts': { en: 'contacts', 'zh-CN': '重新开始时预置的联系人数' },
  'help.opt.--reset': { en: 'reset', 'zh-CN': '从预置的组织重新开始' },
  'help.export.--json': { en: 'print JSON', 'zh-CN': '以 JSON 输出进度事件和摘要' },
  'help.labels.--json': { en: 'print JSON', 'zh-CN': '以 JSON 输出' },
  'help.jobs.--json': { en: 'print JSON', 'zh-CN': '以 JSON 输出（任务数组）' },
  'help.duplicates.--report': {
    en: 'report',
    'zh-CN': '写出重复组（加 --merge 时为合并报告）：.xlsx、.csv 或 .json',
  },
  'help.resume.--report': { en: 'report', 'zh-CN': '写出整个任务的报告：.xlsx、.csv 或 .json' },

  'help.arg.file': { en: 'file', 'zh-CN': '表格文件，.xlsx 或 .csv' },
  'help.arg.out': { en: 'out', 'zh-CN': '输出文件' },
  'help.arg.job-id': { en: 'job id', 'zh-CN': '任务 ID（见 `dtload jobs`）' },
} as const satisfies Entries;

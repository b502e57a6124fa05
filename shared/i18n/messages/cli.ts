// What the `dtload` command prints for people (the --json output stays machine-readable and unlocalised):
// the plan as text, summaries, and the one-line errors of bad input.
import type { Entries } from './entries';

export const cli = {
  'cli.cannotAccess.notFound': {
    en: 'cannot access {path}: no such file or folder',
    'zh-CN': '无法访问 {path}：文件或文件夹不存在',
  },
  'cli.cannotAccess.denied': {
    en: 'cannot access {path}: permission denied',
    'zh-CN': '无法访问 {path}：没有权限',
  },
  'cli.cannotAccess.folder': {
    en: 'cannot access {path}: it is a folder',
    'zh-CN': '无法访问 {path}：这是文件夹',
  },
  'cli.unreachable': {
    en: 'cannot reach DingTalk at {host} ({why}){sent}. Check the network, or set the API host with --base-url or DTLOAD_BASE_URL ({mainland} in mainland China, {international} elsewhere; --sandbox to try without DingTalk)',
    'zh-CN':
      '无法连接钉钉 {host}（{why}）{sent}。请检查网络，或用 --base-url 或环境变量 DTLOAD_BASE_URL 指定接口地址（中国大陆用 {mainland}，其他地区用 {international}；用 --sandbox 可不连钉钉试用）',
  },
  'cli.unreachable.dns': { en: 'no such host', 'zh-CN': '找不到该主机' },
  'cli.unreachable.refused': { en: 'connection refused', 'zh-CN': '连接被拒绝' },
  'cli.unreachable.timeout': { en: 'no answer in time', 'zh-CN': '连接超时' },
  'cli.unreachable.dropped': { en: 'connection dropped', 'zh-CN': '连接中断' },
  'cli.unreachable.nothingSent': { en: '; nothing was sent', 'zh-CN': '，未发送任何内容' },
  'cli.sandboxOrg': { en: 'the sandbox organisation', 'zh-CN': '沙箱组织' },
  'cli.noCredentials': {
    en: 'Set DTLOAD_APP_KEY and DTLOAD_APP_SECRET in the environment (the secret is never taken as an argument), or use --sandbox.',
    'zh-CN':
      '请在环境变量中设置 DTLOAD_APP_KEY 和 DTLOAD_APP_SECRET（密钥从不通过命令行参数传入），或使用 --sandbox 试用沙箱组织。',
  },
  'cli.appAt': { en: '{host} as app {appKey}', 'zh-CN': '{host}（应用 {appKey}）' },
  'cli.exportExtension': {
    en: '"{out}": the output file must end in .xlsx or .csv',
    'zh-CN': '“{out}”：输出文件的扩展名必须是 .xlsx 或 .csv',
  },
  'cli.exported': {
    en: 'Exported {contacts} contacts ({groups} label groups as columns) from {from} to {out}',
    'zh-CN': '已从{from}导出 {contacts} 个联系人（{groups} 个标签组各占一列）到 {out}',
  },
  'cli.exportedWhere': {
    en: 'Exported {contacts} contacts matching "{query}" from {from} to {out}',
    'zh-CN': '已从{from}导出符合“{query}”的 {contacts} 个联系人到 {out}',
  },
  'cli.templateExtension': {
    en: '"{out}": the template must be an .xlsx file',
    'zh-CN': '“{out}”：模板必须是 .xlsx 文件',
  },
  'cli.templateWritten': {
    en: 'Wrote the import template with {groups} label-group columns to {out}',
    'zh-CN': '已生成导入模板（含 {groups} 个标签组列）：{out}',
  },

  // The plan as text (dry run and before an apply).
  'plan.text.head.import': {
    en: 'Import plan for {file} (sheet "{sheet}", header row {headerRow}{encoding}) against {where}',
    'zh-CN': '{file} 的导入计划（工作表“{sheet}”，表头在第 {headerRow} 行{encoding}），目标：{where}',
  },
  'plan.text.head.delete': {
    en: 'Delete plan for {file} (sheet "{sheet}", header row {headerRow}{encoding}) against {where}',
    'zh-CN': '{file} 的删除计划（工作表“{sheet}”，表头在第 {headerRow} 行{encoding}），目标：{where}',
  },
  'plan.text.encoding': { en: ', encoding {name}{how}', 'zh-CN': '，编码 {name}{how}' },
  'plan.text.encodingGiven': { en: ' (as given)', 'zh-CN': '（按指定）' },
  'plan.text.encodingDetected': { en: ' (detected)', 'zh-CN': '（自动识别）' },
  'plan.text.note': { en: '  note: {note}', 'zh-CN': '  提示：{note}' },
  'plan.text.headTitle': { en: '{title} against {where}', 'zh-CN': '{title}，目标：{where}' },
  'plan.text.columns': { en: 'Columns: {columns}', 'zh-CN': '列对应：{columns}' },
  'plan.text.ignored': { en: '  ignored column "{header}"', 'zh-CN': '  已忽略列“{header}”' },
  'plan.text.didYouMean': { en: ' (did you mean {names}?)', 'zh-CN': '（是否指{names}？）' },
  'plan.text.invalid': {
    en: '  row {row} invalid{who}: {errors}',
    'zh-CN': '  第 {row} 行无效{who}：{errors}',
  },
  'plan.text.row': { en: '  row {row} {action} {who}', 'zh-CN': '  第 {row} 行 {action} {who}' },
  'plan.text.rowChanges': {
    en: '  row {row} {action} {who}: {changes}',
    'zh-CN': '  第 {row} 行 {action} {who}：{changes}',
  },
  'plan.text.warning': { en: '      warning: {warning}', 'zh-CN': '      提示：{warning}' },
  'plan.text.more': {
    en: '  … and {count} more rows (write them all with --report)',
    'zh-CN': '  …… 另有 {count} 行（用 --report 写出全部）',
  },
  'plan.text.rows': { en: '{count} rows', 'zh-CN': '共 {count} 行' },
  'plan.text.toDelete': { en: '{count} to delete', 'zh-CN': '删除 {count}' },
  'plan.text.toUpdate': { en: '{count} to update', 'zh-CN': '更新 {count}' },
  'plan.text.toCreate': { en: '{count} to create', 'zh-CN': '新建 {count}' },
  'plan.text.unchanged': { en: '{count} unchanged', 'zh-CN': '无变化 {count}' },
  'plan.text.invalidCount': { en: '{count} invalid', 'zh-CN': '无效 {count}' },

  'cli.mappingSaved': { en: 'Mapping saved to {path}', 'zh-CN': '列对应已保存到 {path}' },
  'cli.backup': { en: 'Backup of the contacts to delete: {path}', 'zh-CN': '待删除联系人的备份：{path}' },
  'cli.jobCounts': { en: 'Job {jobId} {state}: {counts}.', 'zh-CN': '任务 {jobId} {state}：{counts}。' },
  'cli.jobEnded': {
    en: 'Job {jobId} {state}: {ok} ok, {failed} failed{invalid}.',
    'zh-CN': '任务 {jobId} {state}：成功 {ok}，失败 {failed}{invalid}。',
  },
  'cli.invalidNotSent': { en: ', {count} invalid rows not sent', 'zh-CN': '，{count} 个无效行未发送' },
  'cli.stopped': {
    en: 'Stopped: {errmsg} ({errcode}). {hint}',
    'zh-CN': '已停止：{errmsg}（{errcode}）。{hint}',
  },
  'cli.interrupted': {
    en: 'Interrupted: finish it with `dtload resume {jobId}`.',
    'zh-CN': '已中断：运行 `dtload resume {jobId}` 继续完成。',
  },
  'cli.failedRow': { en: '  row {row}: {text}', 'zh-CN': '  第 {row} 行：{text}' },
  'cli.nothingToSend': {
    en: 'Nothing to send: every valid row is already as the sheet asks.',
    'zh-CN': '无需发送：所有有效行都已与表格一致。',
  },
  'cli.dryRun': { en: 'Dry run: nothing was sent.', 'zh-CN': '试运行：没有发送任何内容。' },
  'cli.dryRunApply': {
    en: ' Run again with --apply to send these changes.',
    'zh-CN': '加上 --apply 再次运行即可发送这些变更。',
  },
  'cli.reportAt': { en: 'Report: {path}', 'zh-CN': '报告：{path}' },
  'cli.failedRowsAt': {
    en: 'Failed and invalid rows (fix them and import this file again): {path}',
    'zh-CN': '失败和无效的行（修正后再次导入此文件）：{path}',
  },
  'cli.badPort': {
    en: '--port must be 0-65535, got "{value}"',
    'zh-CN': '--port 必须是 0-65535，收到的是 "{value}"',
  },
  'cli.badContacts': {
    en: '--contacts must be a whole number, got "{value}"',
    'zh-CN': '--contacts 必须是整数，收到的是 "{value}"',
  },
  'cli.badMaxQps': {
    en: '--max-qps must be a number between 1 and 1000, got "{value}"',
    'zh-CN': '--max-qps 必须是 1 到 1000 之间的数，收到的是 "{value}"',
  },
  'cli.badBaseUrl': {
    en: '--base-url "{value}" is not a URL (e.g. {example})',
    'zh-CN': '--base-url "{value}" 不是网址（例如 {example}）',
  },
  'cli.baseUrlScheme': {
    en: '--base-url must be http(s), got "{value}"',
    'zh-CN': '--base-url 必须是 http(s)，收到的是 "{value}"',
  },
  'cli.sandboxListening': {
    en: 'Sandbox organisation ({count} contacts) listening on {url}',
    'zh-CN': '沙箱组织（{count} 个联系人）正在监听 {url}',
  },
  'cli.sandboxPointAt': { en: 'Point dtload at it with:', 'zh-CN': '用以下命令让 dtload 连接它：' },
  'cli.sandboxStop': {
    en: 'Press Ctrl+C to stop (its contacts are saved for the next run).',
    'zh-CN': '按 Ctrl+C 停止（联系人会保存，供下次运行使用）。',
  },
} as const satisfies Entries;

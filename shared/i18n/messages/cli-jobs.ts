// What `dtload` prints about jobs in the admin's language: the one summary line of counts, `dtload jobs`,
// `dtload resume`, `dtload labels`, progress lines and the one-line errors around them.
import type { Entries } from './entries';

export const cliJobs = {
  'counts.line': { en: '{rows} rows: {parts}', 'zh-CN': '共 {rows} 行：{parts}' },
  'counts.sep': { en: ', ', 'zh-CN': '，' },
  'counts.ok': { en: '{n} ok', 'zh-CN': '成功 {n}' },
  'counts.failed': { en: '{n} failed', 'zh-CN': '失败 {n}' },
  'counts.unchanged': { en: '{n} unchanged', 'zh-CN': '无变化 {n}' },
  'counts.invalid': { en: '{n} invalid (not sent)', 'zh-CN': '无效 {n}（未发送）' },
  'counts.conflicts': {
    en: '{n} conflicts (changed meanwhile, not written)',
    'zh-CN': '冲突 {n}（期间已被他人修改，未写入）',
  },
  'counts.notSent': { en: '{n} not sent yet', 'zh-CN': '尚未发送 {n}' },

  'progress.planning': { en: 'Planning', 'zh-CN': '正在生成计划' },
  'progress.importing': { en: 'Importing', 'zh-CN': '正在写入' },
  'progress.deleting': { en: 'Deleting', 'zh-CN': '正在删除' },
  'progress.undoing': { en: 'Undoing', 'zh-CN': '正在撤销' },
  'progress.job': { en: 'Job {jobId}', 'zh-CN': '任务 {jobId}' },
  'progress.phase.labels': { en: 'reading label groups', 'zh-CN': '正在读取标签组' },
  'progress.phase.reading': { en: 'rows read', 'zh-CN': '行已读取' },
  'progress.phase.directory': { en: 'staff read from the directory', 'zh-CN': '名员工已从通讯录读取' },
  'progress.phase.fetching': { en: 'current contacts found', 'zh-CN': '个当前联系人已找到' },
  'progress.phase.planning': { en: 'rows planned', 'zh-CN': '行已计划' },
  'progress.run': {
    en: '{ok} ok, {failed} failed, {rate}/s',
    'zh-CN': '成功 {ok}，失败 {failed}，每秒 {rate} 次',
  },
  'progress.eta': { en: ', {s}s left', 'zh-CN': '，剩余 {s} 秒' },
  'progress.paused': {
    en: ', paused {s} s (DingTalk asked to wait)',
    'zh-CN': '，已暂停 {s} 秒（钉钉要求等待）',
  },
  'progress.pausedState': { en: ' (paused)', 'zh-CN': '（已暂停）' },

  'jobs.none': { en: 'No jobs in {dir}', 'zh-CN': '{dir} 中没有任务' },
  // A damaged job: what cannot be read (the English is what journals and --json keep), and what to do.
  'damage.reason': { en: '{what}: {detail}', 'zh-CN': '{what}：{detail}' },
  'damage.what.journal': { en: 'journal', 'zh-CN': '任务日志' },
  'damage.what.plan': { en: 'plan', 'zh-CN': '计划' },
  'damage.noHeader': { en: 'no readable header line', 'zh-CN': '没有可读的首行' },
  'damage.journalMissing': { en: 'journal.ndjson is missing', 'zh-CN': '缺少 journal.ndjson' },
  'damage.planMissing': { en: 'plan.ndjson is missing', 'zh-CN': '缺少 plan.ndjson' },
  'damage.planNotJson': {
    en: 'line {line} of plan.ndjson is not JSON',
    'zh-CN': 'plan.ndjson 第 {line} 行不是 JSON',
  },
  'damage.planNotRow': {
    en: 'line {line} of plan.ndjson is not a row',
    'zh-CN': 'plan.ndjson 第 {line} 行不是有效的行',
  },
  'damage.journalBadLines': {
    en: '{count} unreadable line(s) in journal.ndjson',
    'zh-CN': 'journal.ndjson 中有 {count} 行无法读取',
  },
  'damage.job': {
    en: 'job {jobId}: its {what} is damaged ({reason})',
    'zh-CN': '任务 {jobId}：其{what}已损坏（{reason}）',
  },
  'damage.adviceResume': {
    en: 'resume it from its last good record: `dtload resume {jobId}` (rows without a readable record are checked before anything is re-sent)',
    'zh-CN':
      '从最后一条完好的记录继续：`dtload resume {jobId}`（没有可读记录的行会先核对，再决定是否重新发送）',
  },
  'damage.adviceReplan': {
    en: 'plan it again from the source file ({source}): a dry run shows what is still to do (rows already written show as unchanged)',
    'zh-CN': '请从源文件（{source}）重新生成计划：试运行会显示还需要做什么（已写入的行显示为无变化）',
  },
  'damage.adviceReplanNoSource': {
    en: 'plan it again from its source file: a dry run shows what is still to do (rows already written show as unchanged)',
    'zh-CN': '请从源文件重新生成计划：试运行会显示还需要做什么（已写入的行显示为无变化）',
  },
  'jobs.isDamaged': {
    en: '{jobId} is damaged ({reason}): {advice}.',
    'zh-CN': '{jobId} 已损坏（{reason}）：{advice}。',
  },
  'jobs.finishHint': {
    en: 'Finish an interrupted, cancelled or stopped job with `dtload resume <job-id>`.',
    'zh-CN': '已中断、已取消或已停止的任务可用 `dtload resume <任务ID>` 继续完成。',
  },
  'jobs.head': {
    en: 'JOB ID|KIND|STATE|CREATED|ROWS|OK|FAILED|UNCHANGED|INVALID|CONFLICTS|NOT SENT|FILE',
    'zh-CN': '任务ID|类型|状态|创建时间|行数|成功|失败|无变化|无效|冲突|未发送|文件',
  },
  'jobs.state.undoneBy': { en: 'undone by {jobId}', 'zh-CN': '已由 {jobId} 撤销' },
  'jobs.stoppedBy': { en: '(stopped: {errcode} {errmsg})', 'zh-CN': '（已停止：{errcode} {errmsg}）' },

  'resume.notFound': {
    en: 'no job "{jobId}" in the data dir ({dir}); see `dtload jobs`',
    'zh-CN': '找不到任务 {jobId}（{dir}）；可用 `dtload jobs` 查看全部任务',
  },

  'resume.otherOrg': {
    en: '{message}, not {where}: connect to that one, or add --other-org to send its rows here',
    'zh-CN': '{message}——不是{where}：请连接到原组织，或加上 --other-org 将其行发送到这里',
  },

  'resume.damaged': {
    en: '{message}: it cannot be resumed; plan it again from its source file (see `dtload jobs`)',
    'zh-CN': '{message}：无法继续；请从源文件重新生成计划（见 `dtload jobs`）',
  },

  'resume.locked': {
    en: '{message}',
    'zh-CN': '{message}（任务仍在另一个进程中运行，请等它结束）',
  },

  'resume.finishIt': {
    en: 'Finish it with `dtload resume {jobId}`.',
    'zh-CN': '运行 `dtload resume {jobId}` 继续完成。',
  },

  'labels.group': { en: '{name}  ({color}, {count} labels)', 'zh-CN': '{name}（{color}，{count} 个标签）' },
  'labels.total': { en: '{count} label groups in {where}', 'zh-CN': '{where}共有 {count} 个标签组' },

  'cli.lang': {
    en: '--lang must be zh-CN or en (zh is zh-CN), got "{given}"',
    'zh-CN': '--lang 只能是 zh-CN 或 en（zh 即 zh-CN），收到的是“{given}”',
  },
  'cli.internal': {
    en: 'internal error (a bug in dtload, exit {code}): {message}{debug}',
    'zh-CN': '内部错误（dtload 的缺陷，退出码 {code}）：{message}{debug}',
  },
  'cli.internalDebug': {
    en: ' (set DTLOAD_DEBUG=1 for details)',
    'zh-CN': '（设置 DTLOAD_DEBUG=1 查看详情）',
  },
  'cli.seeJobs': {
    en: '{message}; see `dtload jobs` for what can be done',
    'zh-CN': '{message}；可用 `dtload jobs` 查看能做什么',
  },

  'cli.reportExt': {
    en: '--report "{path}": the report file must end in .xlsx, .csv or .json',
    'zh-CN': '--report “{path}”：报告文件的扩展名必须是 .xlsx、.csv 或 .json',
  },
  'cli.reportIsSource': {
    en: '--report "{path}" is the file being read: the report would replace it; name another file',
    'zh-CN': '--report "{path}" 就是正在读取的文件，报告会覆盖它；请换一个文件名',
  },
  'cli.reportDir': {
    en: '--report "{path}": the folder {dir} does not exist',
    'zh-CN': '--report “{path}”：文件夹 {dir} 不存在',
  },
} as const satisfies Entries;

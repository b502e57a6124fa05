// What the backend, the CLI and reports say about a failure that is not a DingTalk errcode.
import type { Entries } from './entries';

export const app = {
  'error.input.fix': {
    en: 'Fix the file or the mapping, then try again.',
    'zh-CN': '请修正文件或映射后重试。',
  },
  'error.internal.fix': {
    en: 'Try again; if it persists, report it with the steps that led here.',
    'zh-CN': '请重试；如持续出现，请附上操作步骤反馈。',
  },
  'error.file.missing': { en: 'The file could not be read', 'zh-CN': '无法读取该文件' },
  'error.file.fix': {
    en: 'Check that the file still exists and is not open elsewhere.',
    'zh-CN': '请确认文件仍存在且未被占用。',
  },
  'error.job.notRunning': { en: 'That job is not running.', 'zh-CN': '该任务没有在运行。' },
  'error.job.finished': { en: 'That job has already finished.', 'zh-CN': '该任务已经结束。' },
  'error.job.finished.fix': { en: 'Retry its failed rows instead.', 'zh-CN': '请改为重试它的失败行。' },
  'error.job.noFailedRows': { en: 'This job has no failed rows.', 'zh-CN': '该任务没有失败的行。' },
  'error.job.stillRunning': { en: 'That job is still running.', 'zh-CN': '该任务仍在运行。' },
  'error.job.stillRunning.fix': { en: 'Wait for it to end.', 'zh-CN': '请等待它结束。' },
  'error.job.nothingToRetry': {
    en: 'This job has no failed rows to retry.',
    'zh-CN': '该任务没有可重试的失败行。',
  },
  'error.noSandbox': {
    en: 'The sandbox organisation is not available here.',
    'zh-CN': '此处不提供沙箱组织。',
  },
  'error.noOpenDialog': { en: 'No file dialogs here.', 'zh-CN': '此处无法打开文件对话框。' },
  'error.noOpenDialog.fix': { en: 'Upload the file instead.', 'zh-CN': '请改为上传文件。' },
  'error.noSaveDialog': { en: 'No save dialog here.', 'zh-CN': '此处无法打开保存对话框。' },
  'error.noSaveDialog.fix': { en: 'Download the file instead.', 'zh-CN': '请改为下载文件。' },
  'error.notRecent': { en: 'That file is not in the recent list.', 'zh-CN': '该文件不在最近使用列表中。' },
  'error.baseUrl.notUrl': {
    en: 'The custom API address is not a URL.',
    'zh-CN': '自定义 API 地址不是有效网址。',
  },
  'error.baseUrl.notUrl.fix': {
    en: 'Enter it like https://oapi.dingtalk.com',
    'zh-CN': '请按 https://oapi.dingtalk.com 的格式填写',
  },
  'error.baseUrl.scheme': {
    en: 'The custom API address must start with https:// or http://.',
    'zh-CN': '自定义 API 地址必须以 https:// 或 http:// 开头。',
  },
  'error.baseUrl.extra': {
    en: 'The custom API address must not hold credentials or a query string.',
    'zh-CN': '自定义 API 地址不能包含凭据或查询字符串。',
  },
} as const satisfies Entries;

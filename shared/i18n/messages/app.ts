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
} as const satisfies Entries;

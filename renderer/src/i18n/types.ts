import type { MessageKey } from './en';

export type { MessageKey };
/** A full dictionary: every key of the English reference, no more, no less. */
export type Messages = Readonly<Record<MessageKey, string>>;
export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

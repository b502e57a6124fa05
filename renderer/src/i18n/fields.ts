// Contact field keys (shared/fields.ts, plan changes, mapping targets) → the name the admin reads.
import { en, type MessageKey } from './en';
import type { Translate } from './index';

const GROUP_PREFIX = 'group:';

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** `name` → "Name"/"姓名", `labels` → "Labels", `group:Level` → "Labels: Level"; an unknown key stays as it is. */
export function fieldLabel(t: Translate, key: string): string {
  if (key.startsWith(GROUP_PREFIX)) return t('field.labelGroup', { group: key.slice(GROUP_PREFIX.length) });
  // label_ids is how DingTalk stores labels; the plan shows them by name, so it reads as "Labels".
  const messageKey = `field.${key === 'label_ids' ? 'labels' : key}`;
  return isMessageKey(messageKey) ? t(messageKey) : key;
}

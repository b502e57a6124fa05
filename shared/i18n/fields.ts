// Contact field keys (shared/fields.ts, plan changes, mapping targets) → the name an admin reads. The same
// names head the columns of exports and templates, so what the app shows is what the sheet says.
import { isMessageKey, type Translate } from './catalogue';

export const GROUP_PREFIX = 'group:';

/** `name` → "Name"/"姓名", `labels` → "Labels", `group:Level` → "Labels: Level"; an unknown key stays as it is. */
export function fieldLabel(t: Translate, key: string): string {
  if (key.startsWith(GROUP_PREFIX)) return t('field.labelGroup', { group: key.slice(GROUP_PREFIX.length) });
  // label_ids is how DingTalk stores labels; the plan shows them by name, so it reads as "Labels".
  const messageKey = `field.${key === 'label_ids' ? 'labels' : key}`;
  return isMessageKey(messageKey) ? t(messageKey) : key;
}

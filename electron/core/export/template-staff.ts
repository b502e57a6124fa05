// The template's staff drop-down: every staff member as the import resolves them alone (the name where
// unique, `name（department）` where names repeat), from the connection's directory. Without the
// directory permission the template still works (owner and sharing columns then ask for ids), and says why.
import { translate, type Lang } from '../../../shared/i18n';
import { isDirectoryError, type Directory, type DirectoryService } from '../directory';

/** Sorted as an admin scans a list: by name in the admin's language, then by label. */
export function staffLabels(dir: Directory, lang: Lang = 'en'): string[] {
  const locale = lang === 'zh-CN' ? 'zh-CN' : 'en';
  return [...dir.staff.values()]
    .map((s) => ({ name: s.name, label: dir.personLabel(s.userid) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale) || a.label.localeCompare(b.label, locale))
    .map((s) => s.label);
}

export async function templateStaff(
  service: DirectoryService,
  lang: Lang = 'en',
): Promise<{ staff?: string[]; warning?: string }> {
  try {
    return { staff: staffLabels(await service.get(), lang) };
  } catch (e) {
    if (!isDirectoryError(e)) throw e;
    return {
      warning: translate(lang, 'directory.templateIds', { call: e.endpoint, errcode: e.errcode }),
    };
  }
}

// The staff directory (electron/core/directory) as the workspace's PeopleResolver: people and
// departments in any form the import accepts, and an unknown one named with the closest names.
import { joinList, translate, type Lang } from '../../../shared/i18n';
import type { Directory } from '../directory';
import type { PeopleResolver, Resolution } from './people';
import { closestNames } from './query-compile';

export function directoryPeople(dir: Directory, lang: Lang = 'en', field = 'owner'): PeopleResolver {
  const near = (text: string, names: string[]): string => {
    const n = closestNames(text, names);
    return n.length
      ? translate(lang, 'query.near', {
          names: joinList(
            n.map((x) => `"${x}"`),
            lang,
          ),
        })
      : '';
  };
  const staffNames = (): string[] => [...dir.staff.values()].map((s) => s.name);
  const deptNames = (): string[] =>
    [...dir.departments.values()].flatMap((d) => (d.path ? [d.name, d.path] : []));
  return {
    person(text, at = field): Resolution<string> {
      const m = dir.resolvePerson(text);
      if (m.kind === 'found') return { ok: true, value: m.userid };
      if (m.kind === 'ambiguous') {
        return {
          ok: false,
          error: translate(lang, 'directory.personAmbiguous', {
            field: at,
            text: m.text,
            count: m.candidates.length,
            candidates: joinList(
              m.candidates.map((c) => `"${c.label}"`),
              lang,
            ),
          }),
        };
      }
      return {
        ok: false,
        error:
          translate(lang, 'directory.personUnknown', { field: at, text: m.text }) +
          near(m.text, staffNames()),
      };
    },
    dept(text, at = field): Resolution<number> {
      const m = dir.resolveDepartment(text);
      if (m.kind === 'found') return { ok: true, value: m.id };
      if (m.kind === 'ambiguous') {
        return {
          ok: false,
          error: translate(lang, 'directory.deptAmbiguous', {
            field: at,
            text: m.text,
            count: m.candidates.length,
            candidates: joinList(
              m.candidates.map((c) => `"${c.path}"`),
              lang,
            ),
          }),
        };
      }
      return {
        ok: false,
        error:
          translate(lang, 'directory.deptUnknown', { field: at, text: m.text }) + near(m.text, deptNames()),
      };
    },
    personName: (userid) => (dir.staff.has(userid) ? dir.personLabel(userid) : undefined),
    deptName: (id) => (dir.departments.has(id) ? dir.departmentLabel(id) : undefined),
  };
}

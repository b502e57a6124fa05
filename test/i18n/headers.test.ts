// Header synonyms (issue 14 item 4): everyday zh-CN / zh-TW / en headers, DingTalk console and dtload
// export headers in both languages, notes and line breaks ignored; a close header gets "did you mean".
import { describe, expect, it } from 'vitest';
import { HEADER_ALIASES, HEADER_SYNONYMS, matchHeader, normaliseHeader } from '../../shared/header-synonyms';
import { CATALOGUE } from '../../shared/i18n';
import { contactColumns } from '../../electron/core/export';
import { autoMap, ImportInputError } from '../../electron/core/import';
import { checkMapping } from '../../electron/core/import/plan';
import { GROUPS } from '../import/groups';

const targets = (headers: string[]) => autoMap(headers, GROUPS).columns.map((c) => c.target);

describe('the synonym table', () => {
  it('maps the everyday headers admins write, simplified, traditional and English', () => {
    const cases: [string, string][] = [
      ['客户姓名', 'name'],
      ['手机号码', 'mobile'],
      ['联系电话', 'mobile'],
      ['公司名称', 'company_name'],
      ['单位', 'company_name'],
      ['职务', 'title'],
      ['电子邮箱', 'email'],
      ['手機', 'mobile'],
      ['手機號碼', 'mobile'],
      ['公司名稱', 'company_name'],
      ['職位', 'title'],
      ['職稱', 'title'],
      ['電子郵件', 'email'],
      ['備註', 'remark'],
      ['負責人', 'follower_user_id'],
      ['標籤', 'labels'],
      ['Mobile number', 'mobile'],
      ['Company name', 'company_name'],
      ['E-mail', 'email'],
      ['Position', 'title'],
      ['Notes', 'remark'],
      // DingTalk's console export and dtload's own headers in both languages.
      ['企业名称', 'company_name'],
      ['共享给员工', 'share_user_ids'],
      ['共享给部门', 'share_dept_ids'],
      ['Shared with staff', 'share_user_ids'],
      ['联系人ID', 'user_id'],
      ['Contact ID', 'user_id'],
    ];
    for (const [header, field] of cases) expect(matchHeader(header)?.field, header).toBe(field);
  });

  it('compares headers without line breaks, bracketed notes, required marks, width or case', () => {
    expect(normaliseHeader('姓名\n(必填)')).toBe('姓名');
    expect(normaliseHeader('手机号（选填）')).toBe('手机号');
    expect(normaliseHeader('*Email [optional]')).toBe('email');
    expect(normaliseHeader('【必填】职位')).toBe('职位');
    expect(normaliseHeader('ＭＯＢＩＬＥ')).toBe('mobile');
    expect(normaliseHeader('(备注)')).toBe('(备注)');
    expect(
      targets(['姓名\n(必填)', '手机号码（必填）', '公司名称 (选填)', '  Job\r\ntitle ', '*负责人']),
    ).toEqual(['name', 'mobile', 'company_name', 'title', 'follower_user_id']);
  });

  it('has no header under two fields, and every field has names in each language', () => {
    const owner = new Map<string, string>();
    for (const [field, aliases] of Object.entries(HEADER_ALIASES)) {
      for (const a of aliases) {
        const key = normaliseHeader(a);
        expect(owner.get(key) ?? field, `"${a}" is under ${owner.get(key)} and ${field}`).toBe(field);
        owner.set(key, field);
      }
    }
    for (const [field, s] of Object.entries(HEADER_SYNONYMS)) {
      expect(s['zh-CN'].length, field).toBeGreaterThan(0);
      expect(s['zh-TW'].length, field).toBeGreaterThan(0);
      expect(s.en.length, field).toBeGreaterThan(0);
    }
  });

  it("maps back every header dtload's export writes, in both languages", () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { headers, fields } = contactColumns(GROUPS, lang);
      const mapped = autoMap(headers, GROUPS).columns.map((c) => c.target);
      expect(mapped).toEqual(fields.map((f, i) => f ?? { group: GROUPS[i - 12]!.name }));
      expect(
        headers.some((h) => /_/.test(h)),
        `no API names in ${lang}`,
      ).toBe(false);
    }
    expect(contactColumns(GROUPS, 'zh-CN').headers.slice(0, 12)).toEqual([
      '联系人ID',
      '姓名',
      '手机号',
      '国家码',
      '邮箱',
      '职位',
      '企业名称',
      '地址',
      '备注',
      '负责人',
      '共享给员工',
      '共享给部门',
    ]);
  });

  it('a label group named like a field is written as 标签：name and read back as the group', () => {
    const groups = [...GROUPS, { name: '备注', color: -1, labels: [{ id: 99, name: '重要' }] }];
    const { headers } = contactColumns(groups, 'zh-CN');
    expect(headers.at(-1)).toBe(CATALOGUE['field.labelGroup']['zh-CN'].replace('{group}', '备注'));
    const mapped = autoMap(headers, groups).columns;
    expect(mapped.at(-1)!.target).toEqual({ group: '备注' });
    expect(mapped.find((c) => c.header === '备注')!.target).toBe('remark');
  });

  it('an organisation label group wins over an everyday synonym, not over a name dtload writes', () => {
    const groups = [...GROUPS, { name: '单位', color: -1, labels: [{ id: 98, name: '总部' }] }];
    expect(autoMap(['单位', '姓名'], groups).columns.map((c) => c.target)).toEqual([
      { group: '单位' },
      'name',
    ]);
  });
});

describe('did you mean', () => {
  const fatal = (headers: string[], lang: 'en' | 'zh-CN', match: 'user_id' | 'mobile' = 'mobile') => {
    try {
      checkMapping(
        autoMap(headers, GROUPS, undefined, lang),
        GROUPS.map((g) => g.name),
        { match, language: lang },
      );
    } catch (e) {
      expect(e).toBeInstanceOf(ImportInputError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };

  it('names the close column in the fatal "no mobile column" error, in the admin\'s language', () => {
    expect(fatal(['姓名', 'Mobil', '公司'], 'en')).toBe(
      'The sheet has no Mobile column to find contacts by (headers: "姓名", "Mobil", "公司"). ' +
        'Did you mean column "Mobil" as Mobile? Rename it or map it in the mapping step.',
    );
    expect(fatal(['姓名', '手机号吗', '公司'], 'zh-CN')).toBe(
      '表格中没有用于查找联系人的“手机号”列（表头："姓名"、"手机号吗"、"公司"）。是否指列“手机号吗”？请把它改名为“手机号”，或在列对应中手动对应。',
    );
    // Nothing close: no guess.
    expect(fatal(['姓名', '生日'], 'en')).not.toContain('Did you mean');
  });

  it('suggests the field for a close unmapped header (the app shows it in the mapping step)', () => {
    const r = autoMap(['user_id', 'Emial', '手机号吗', 'Compnay name'], GROUPS);
    expect(r.columns.slice(1).map((c) => c.suggestions?.[0])).toEqual(['email', 'mobile', 'company_name']);
  });
});

describe('docs/headers.md', () => {
  it('lists every header of the table', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../docs/headers.md', import.meta.url), 'utf8');
    for (const [field, s] of Object.entries(HEADER_SYNONYMS)) {
      for (const name of [...s['zh-CN'], ...s['zh-TW'], ...s.en]) {
        expect(doc.includes(name), `${name} (${field})`).toBe(true);
      }
    }
  });
});

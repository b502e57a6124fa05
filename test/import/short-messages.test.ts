// Messages that quote the admin's input stay short (issue 15): quotes cut to 80 characters with "…", lists
// to a handful of names with "… and N more" (shared/clip.ts), whatever the file holds.
import { describe, expect, it } from 'vitest';
import { clip, listSome } from '../../shared/clip';
import { DEFAULT_IMPORT_OPTIONS } from '../../shared/import-types';
import { autoMap, indexColumns, LabelIndex, readIntent } from '../../electron/core/import';
import { GROUPS } from './groups';

describe('clip and listSome', () => {
  it('cut a quote to 80 characters on one line', () => {
    expect(clip('short')).toBe('short');
    expect(clip('姓名\n(必填)')).toBe('姓名 (必填)');
    const cut = clip('x'.repeat(8 * 1024 * 1024));
    expect(cut).toHaveLength(80);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('list a handful of names and count the rest', () => {
    const names = Array.from({ length: 16_377 }, (_, i) => `Column ${i + 1}`);
    expect(listSome(names)).toBe('Column 1, Column 2, Column 3, Column 4, Column 5 … and 16,372 more');
    expect(listSome(names, 'zh-CN', 2)).toBe('Column 1、Column 2 … 等另外 16,375 个');
    expect(listSome(['a', 'b'])).toBe('a, b');
  });
});

describe('plan messages quote input briefly', () => {
  it('an unknown 8 MB label', () => {
    const labels = new LabelIndex(GROUPS);
    const huge = `VIP${'级'.repeat(8 * 1024 * 1024)}`;
    const r = labels.resolve(huge);
    expect(r.ok).toBe(false);
    const error = (r as { error: string }).error;
    expect(error.length).toBeLessThan(300);
    expect(error).toContain('VIP级');
    expect(error).toContain('…');
  });

  it('an invalid mobile of 1 MB', () => {
    const headers = ['user_id', 'mobile'];
    const cols = indexColumns(autoMap(headers, GROUPS));
    const intent = readIntent(
      ['u1', '1'.repeat(1024 * 1024)],
      cols,
      DEFAULT_IMPORT_OPTIONS,
      new LabelIndex(GROUPS),
      headers,
    );
    const text = JSON.stringify(intent);
    expect(text.length).toBeLessThan(1024 * 1024 + 2000);
    const errors = (intent as { errors?: string[] }).errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.length).toBeLessThan(300);
  });
});

// The staff directory on the connection screen, in the browser (web mode, sandbox organisation over
// loopback HTTP), in English and in Chinese: never read → "read now"; read → its size and age (a read
// made while the backend's clock stood twelve minutes back says "12 minutes ago"), and a refresh through
// the backend's refreshDirectory sets it back to "just now". Without 通讯录只读权限 (the sandbox answers 60011 to
// listsimple) the read fails with the one line naming the permission, and nothing claims it was read; a read
// that failed before the screen opened (the workspace's names) is shown the same way without a press, with
// when it failed, and the workspace's toolbar says it failed.
// Screenshots go to test-results/screenshots/<lang>/connection-*.png.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SandboxFaults } from '../../electron/core/sandbox';
import { translator, type Lang } from '../../shared/i18n';
import { useWebPage, type WebPage } from './web-page';

const ROOT = resolve(__dirname, '../..');
const LANGS: Lang[] = ['en', 'zh-CN'];
/** The seeded sandbox directory (electron/core/sandbox/directory-data.ts): 320 staff, 15 departments. */
const STAFF = 320;
const DEPARTMENTS = 15;

function opened(lang: Lang, faults?: SandboxFaults): WebPage {
  const s = {} as WebPage;
  useWebPage(lang, { name: 'conn-dir', ...(faults ? { faults } : {}) }, (o) => Object.assign(s, o));
  beforeAll(async () => {
    await s.page.goto(s.web.urlWith({ lang }, 'connect'));
    await s.page.getByTestId('connect-sandbox').click();
    await s.page.getByTestId('contacts-count').waitFor({ timeout: 30_000 });
    await s.page.evaluate('window.location.hash = "/connect"');
    await s.page.getByTestId('conn-dir').waitFor({ timeout: 30_000 });
  });
  return s;
}

describe.each(LANGS)('the staff directory on the connection screen (%s)', (lang) => {
  const t = translator(lang);
  const s = opened(lang);
  const shots = join(ROOT, 'test-results', 'screenshots', lang);
  const shot = async (name: string) => {
    mkdirSync(shots, { recursive: true });
    await s.page.waitForTimeout(200); // antd's enter animations
    await s.page.screenshot({ path: join(shots, `connection-${name}.png`), fullPage: true });
  };
  const status = () => s.page.getByTestId('conn-dir-status');
  const summary = (age: string) =>
    t('people.dir.summary', {
      staff: STAFF.toLocaleString(lang),
      departments: DEPARTMENTS.toLocaleString(lang),
      age,
    });

  it('shows the size and age, and a refresh sets the age back', { timeout: 120_000 }, async () => {
    const refresh = s.page.getByTestId('conn-dir-refresh');
    // Nothing has needed names yet on this connection: it says so, and offers to read it.
    if ((await status().getAttribute('data-read-at')) === null) {
      expect(await status().innerText()).toBe(t('people.dir.never'));
      expect(await refresh.innerText()).toContain(t('people.dir.readNow'));
      await shot('directory-never');
    }
    // The backend (in this process) reads it while its clock stands 12 minutes back, still ticking.
    const twelveMinutes = 12 * 60_000;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - twelveMinutes - 5_000, shouldAdvanceTime: true });
    try {
      await refresh.click();
      await expect.poll(() => status().getAttribute('data-read-at'), { timeout: 30_000 }).toMatch(/^\d{4}-/);
    } finally {
      vi.useRealTimers();
    }
    const firstRead = Date.parse((await status().getAttribute('data-read-at'))!);
    expect(Date.now() - firstRead).toBeGreaterThanOrEqual(twelveMinutes);
    await expect
      .poll(() => status().innerText(), { timeout: 30_000 })
      .toBe(summary(t('index.age.minutes', { n: 12 })));
    expect(await refresh.innerText()).toContain(t('common.refresh'));
    await shot('directory-12-minutes');

    await refresh.click();
    await expect.poll(() => status().innerText(), { timeout: 30_000 }).toBe(summary(t('index.age.now')));
    expect(Date.parse((await status().getAttribute('data-read-at'))!)).toBeGreaterThan(firstRead);
    expect(await s.page.getByTestId('conn-dir-error').count()).toBe(0);
    await shot('directory-read');
  });
});

describe.each(LANGS)('the staff directory without 通讯录只读权限 (%s)', (lang) => {
  const t = translator(lang);
  const s = opened(lang, { deniedEndpoints: ['listsimple'], deniedErrcode: 60011 });

  const status = () => s.page.getByTestId('conn-dir-status');
  const error = () => s.page.getByTestId('conn-dir-error');
  const shot = async (name: string) => {
    mkdirSync(join(ROOT, 'test-results', 'screenshots', lang), { recursive: true });
    await s.page.waitForTimeout(200); // antd's enter animations
    await s.page.screenshot({
      path: join(ROOT, 'test-results', 'screenshots', lang, `connection-${name}.png`),
      fullPage: true,
    });
  };
  const expectPermissionLine = async () => {
    const text = await error().innerText();
    expect(text).toContain(t('people.dir.failed'));
    expect(text).toContain(t('directory.permission', { call: 'listsimple', errcode: 60011 }));
    expect(text).toContain('通讯录只读权限');
    expect(text).toContain('60011');
  };

  it(
    'shows why the read failed before the screen opened, without a press',
    { timeout: 120_000 },
    async () => {
      // Nothing has read the directory yet: nothing to say.
      expect(await status().innerText()).toBe(t('people.dir.never'));
      expect(await error().count()).toBe(0);
      // The contacts workspace reads it for the table's names, and shows ids when it cannot (no error there).
      await s.page.evaluate('window.location.hash = "/workspace"');
      await expect.poll(() => s.page.getByTestId('ws-handover').isEnabled(), { timeout: 60_000 }).toBe(true);
      // The toolbar says the read failed, in red, with the reason and the fix on hover.
      const failed = s.page.getByTestId('dir-failed');
      await failed.waitFor({ timeout: 30_000 });
      expect(await failed.innerText()).toContain(t('people.dir.lastFailed', { age: t('index.age.now') }));
      await failed.hover();
      const tip = s.page.getByRole('tooltip').filter({ hasText: '60011' });
      await tip.waitFor({ timeout: 10_000 });
      expect(await tip.innerText()).toContain('通讯录只读权限');
      await shot('workspace-directory-failed');
      // Back on the connection screen, the card says why before anything is pressed.
      await s.page.evaluate('window.location.hash = "/connect"');
      await s.page.getByTestId('conn-dir').waitFor({ timeout: 30_000 });
      await error().waitFor({ timeout: 10_000 });
      await expectPermissionLine();
      // When it failed: moments ago.
      expect(await error().getByTestId('error-at').innerText()).toBe(t('index.age.now'));
      expect(await status().innerText()).toBe(t('people.dir.never'));
      expect(await s.page.getByTestId('conn-dir-refresh').innerText()).toContain(t('people.dir.readNow'));
      await shot('directory-denied-earlier');
    },
  );

  it('says which permission is missing, and does not claim a read', { timeout: 120_000 }, async () => {
    // Closed, it stays closed until a read fails again.
    await error().locator('.ant-alert-close-icon').click();
    await error().waitFor({ state: 'detached', timeout: 10_000 });
    await s.page.waitForTimeout(3_500); // past the card's next look at the directory
    expect(await error().count()).toBe(0);
    await s.page.getByTestId('conn-dir-refresh').click();
    await error().waitFor({ timeout: 30_000 });
    await expectPermissionLine();
    expect(await status().innerText()).toBe(t('people.dir.never'));
    await shot('directory-denied');
  });
});

// Outside the window: taskbar progress while a job runs, a notification when it ends while hidden.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => await import('./fake-electron'));

import type { JobFinished } from '../../shared/contract';
import type { JobProgress } from '../../shared/domain';
import { createJobStatus } from '../../electron/main/job-status';
import { BrowserWindow, Notification, resetFake } from './fake-electron';

const progress = (done: number, state: JobProgress['state'] = 'running'): JobProgress => ({
  jobId: 'j1',
  state,
  total: 200,
  done,
  ok: done,
  failed: 0,
  rate: 20,
  etaSeconds: 5,
});

const finished: JobFinished = {
  jobId: 'j1',
  state: 'finished',
  summary: {
    jobId: 'j1',
    kind: 'import',
    state: 'finished',
    source: 'contacts.xlsx',
    createdAt: '2026-01-01T00:00:00Z',
    rows: 200,
    create: 0,
    update: 200,
    delete: 0,
    unchanged: 0,
    invalid: 0,
    total: 200,
    ok: 198,
    failed: 2,
    skipped: 0,
    conflicts: 0,
    notSent: 0,
    resumable: false,
  },
};

let win: BrowserWindow;
let status: ReturnType<typeof createJobStatus>;
beforeEach(() => {
  resetFake();
  win = new BrowserWindow({});
  win.visible = true;
  status = createJobStatus(() => win as never);
});

describe('job status outside the window', () => {
  it('mirrors progress on the taskbar, paused included, and clears it at the end', () => {
    status('job:progress', progress(50));
    status('job:progress', progress(100, 'paused'));
    status('job:finished', finished);
    expect(win.progress).toEqual([
      { value: 0.25, options: { mode: 'normal' } },
      { value: 0.5, options: { mode: 'paused' } },
      { value: -1, options: undefined },
    ]);
  });

  it('notifies only when the window is hidden or minimised', () => {
    status('job:finished', finished);
    expect(Notification.shown).toHaveLength(0);
    win.hide();
    status('job:finished', finished);
    win.show();
    win.minimized = true;
    status('job:finished', finished);
    expect(Notification.shown).toHaveLength(2);
    expect(Notification.shown[0]).toEqual({
      title: 'dtload: job finished',
      body: 'contacts.xlsx: 198 ok, 2 failed.',
    });
  });
});

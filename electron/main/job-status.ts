// Job progress outside the window: the taskbar/dock progress bar, and a notification when a job ends
// while the window is hidden or minimised.
import { Notification, type BrowserWindow } from 'electron';
import type { EventName, Events } from '../../shared/contract';

const STATE_TEXT: Record<string, string> = {
  finished: 'finished',
  'finished-with-failures': 'finished with failures',
  stopped: 'stopped',
  cancelled: 'was cancelled',
  interrupted: 'was interrupted',
};

export function createJobStatus(getWindow: () => BrowserWindow | null) {
  return <E extends EventName>(event: E, payload: Events[E]): void => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (event === 'job:progress') {
      const p = payload as Events['job:progress'];
      if (p.total > 0 && (p.state === 'running' || p.state === 'paused')) {
        win.setProgressBar(Math.min(1, p.done / p.total), {
          mode: p.state === 'paused' ? 'paused' : 'normal',
        });
      }
    } else if (event === 'job:finished') {
      const f = payload as Events['job:finished'];
      win.setProgressBar(-1);
      const hidden = !win.isVisible() || win.isMinimized();
      if (hidden && Notification.isSupported()) {
        const s = f.summary;
        new Notification({
          title: `dtload: job ${STATE_TEXT[f.state] ?? f.state}`,
          body: `${s.source ?? f.jobId}: ${s.ok} ok, ${s.failed} failed${s.notSent ? `, ${s.notSent} not sent` : ''}.`,
        }).show();
      }
    }
  };
}

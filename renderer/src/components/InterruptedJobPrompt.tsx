// At start, a job left interrupted (app closed, crash) is offered for resumption: finished rows are not re-sent.
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { api, type JobSummary } from '../api';
import { useI18n } from '../i18n';

export function InterruptedJobPrompt({ onResume }: { onResume: (jobId: string) => void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const asked = useRef(new Set<string>());
  const latest = useRef({ t, onResume });
  useEffect(() => {
    latest.current = { t, onResume };
  });

  useEffect(() => {
    const offer = (jobs: readonly JobSummary[]) => {
      const job = jobs.find((j) => j.state === 'interrupted' && j.resumable && !asked.current.has(j.jobId));
      if (!job) return;
      asked.current.add(job.jobId);
      const { t: tr } = latest.current;
      modal.confirm({
        title: tr('jobs.interrupted.title'),
        content: tr('jobs.interrupted.text', {
          jobId: job.jobId,
          done: job.ok + job.failed,
          total: job.total,
        }),
        okText: tr('jobs.resume'),
        cancelText: tr('jobs.interrupted.later'),
        okButtonProps: { 'data-testid': 'interrupted-resume' },
        onOk: async () => {
          try {
            const { jobId } = await api.resumeJob({ jobId: job.jobId });
            latest.current.onResume(jobId);
          } catch (e) {
            void message.error(e instanceof Error ? e.message : String(e));
          }
        },
      });
    };
    const off = api.on('jobs:interrupted', offer);
    void api.listJobs().then(offer, () => undefined);
    return off;
  }, [modal, message]);

  return null;
}

// A job a drawer has just started: the backup its deletes were preceded by, then its progress and report.
import { Alert, Space } from 'antd';
import type { FileRef } from '../api';
import { useI18n } from '../i18n';
import { JobRun } from './JobRun';

interface Props {
  job: { jobId: string; backup?: FileRef };
  /** Contacts the job deletes (named in the backup line). */
  deletes: number;
  canRetry?: boolean;
  onFinished?: () => void;
}

export function StartedJob({ job, deletes, canRetry, onFinished }: Props) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {job.backup && (
        <Alert
          type="success"
          showIcon
          title={t('delete.backup', { count: deletes, path: job.backup.name })}
        />
      )}
      <JobRun
        key={job.jobId}
        jobId={job.jobId}
        {...(canRetry !== undefined ? { canRetry } : {})}
        {...(onFinished ? { onFinished: () => onFinished() } : {})}
      />
    </Space>
  );
}

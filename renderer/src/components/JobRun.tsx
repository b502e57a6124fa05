// One job from start to end: live progress while it runs, then its report. "Retry failed rows" starts the
// retry job in the same place. Used by the import wizard, the delete screen and the job history drawer.
import { useState, type ReactNode } from 'react';
import type { JobFinished } from '../api';
import { JobProgressPanel } from './JobProgressPanel';
import { JobReport } from './JobReport';

interface Props {
  jobId: string;
  /** Offer "retry failed rows" on the report (default true). */
  canRetry?: boolean;
  onFinished?: (finished: JobFinished) => void;
  /** Called with the retry job's id when the admin retries the failed rows. */
  onRetry?: (jobId: string) => void;
  /** More buttons for the report (e.g. "start a new import"). */
  extra?: ReactNode;
}

export function JobRun({ jobId: initial, canRetry = true, onFinished, onRetry, extra }: Props) {
  const [jobId, setJobId] = useState(initial);
  const [finished, setFinished] = useState<JobFinished | null>(null);
  // Bumped when a cancelled job goes on under the same id, so its progress panel starts afresh.
  const [run, setRun] = useState(0);
  if (!finished) {
    return (
      <JobProgressPanel
        key={`${jobId}:${run}`}
        jobId={jobId}
        onFinished={(f) => {
          setFinished(f);
          onFinished?.(f);
        }}
      />
    );
  }
  return (
    <JobReport
      summary={finished.summary}
      error={finished.error}
      extra={extra}
      onResume={() => {
        setFinished(null);
        setRun((n) => n + 1);
      }}
      onRetry={
        canRetry
          ? (id) => {
              setFinished(null);
              setJobId(id);
              onRetry?.(id);
            }
          : undefined
      }
    />
  );
}

// A job's state as a coloured tag, the same in the progress panel and the job history.
import { Tag } from 'antd';
import type { JobState } from '../../../shared/domain';
import { useI18n } from '../i18n';

const STATE_COLOUR: Readonly<Record<JobState, string>> = {
  running: 'processing',
  paused: 'warning',
  finished: 'success',
  'finished-with-failures': 'warning',
  stopped: 'error',
  cancelled: 'default',
  interrupted: 'warning',
  damaged: 'error',
};

export function JobStateTag({ state, testId }: { state: JobState; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOUR[state]} data-testid={testId}>
      {t(`apply.state.${state}`)}
    </Tag>
  );
}

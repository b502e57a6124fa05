// While a dry run reads the sheet and fetches the contacts it names: which phase, and how far.
import { Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type PlanProgress } from '../api';
import { useI18n } from '../i18n';

export function PlanProgressBar({ fileId }: { fileId: string }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<PlanProgress | null>(null);
  useEffect(
    () =>
      api.on('plan:progress', (p) => {
        if (p.fileId === fileId) setProgress(p);
      }),
    [fileId],
  );
  const phase = progress?.phase ?? 'reading';
  const percent = progress?.total
    ? Math.min(100, Math.floor((progress.done / progress.total) * 100))
    : undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="plan-progress">
      <Typography.Text>{t(`import.plan.phase.${phase}`)}</Typography.Text>
      <Progress percent={percent ?? 0} status="active" showInfo={percent !== undefined} />
      {progress && (
        <Typography.Text type="secondary">
          {progress.total
            ? `${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}`
            : progress.done}
        </Typography.Text>
      )}
    </Space>
  );
}

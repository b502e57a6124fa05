// The dry-run diff of a workspace action (bulk edit, delete, merge) — the same plan table as an import's —
// then the apply (a typed confirmation for deletes) and the job's progress and report.
import { Alert, Button, Drawer, Space } from 'antd';
import { useState } from 'react';
import { api, type FileRef, type PlanSummary } from '../../api';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { ErrorExplain } from '../ErrorExplain';
import { StartedJob } from '../StartedJob';
import { PlanRowsTable } from '../PlanRowsTable';
import { TypedConfirmModal } from '../TypedConfirmModal';

interface Props {
  plan: PlanSummary | null;
  onClose: () => void;
  /** The job ended: the table reads the index again. */
  onFinished: () => void;
}

export function PlanDrawer({ plan, onClose, onFinished }: Props) {
  const { t } = useI18n();
  const [job, setJob] = useState<{ jobId: string; backup?: FileRef } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useAction<'apply'>();
  const isDelete = plan?.kind === 'delete';
  const writes = plan ? plan.counts.update + plan.counts.create + plan.counts.delete : 0;

  const close = () => {
    setJob(null);
    setConfirming(false);
    action.clearError();
    onClose();
  };

  const apply = () =>
    action.run('apply', async () => {
      if (!plan) return;
      try {
        if (isDelete)
          setJob(await api.applyDelete({ planId: plan.planId, confirmCount: plan.counts.delete }));
        else setJob(await api.applyPlan({ planId: plan.planId }));
      } finally {
        setConfirming(false);
      }
    });

  return (
    <Drawer
      open={plan !== null}
      onClose={close}
      // antd 6 sizes a drawer by `size` (a `width` beside "large" is ignored: 736 px clipped the report).
      size={920}
      title={plan ? t(job ? 'ws.plan.jobTitle' : 'ws.plan.title', { source: plan.source }) : ''}
      destroyOnHidden
      data-testid="ws-plan"
    >
      {plan && !job && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <ErrorExplain error={action.error} onClose={action.clearError} />
          {writes === 0 && <Alert type="info" showIcon title={t('ws.plan.nothing')} />}
          <PlanRowsTable
            planId={plan.planId}
            counts={plan.counts}
            filters={isDelete ? ['delete', 'invalid'] : ['changed', 'unchanged', 'invalid', 'all']}
            initialFilter={isDelete ? 'delete' : 'changed'}
            view={isDelete ? 'delete' : 'diff'}
            height={460}
            numbering={plan.file ? 'sheet' : 'list'}
          />
          <Space>
            <Button
              type="primary"
              danger={isDelete}
              disabled={writes === 0}
              loading={action.busy === 'apply'}
              onClick={() => (isDelete ? setConfirming(true) : void apply())}
              data-testid="ws-plan-apply"
            >
              {isDelete
                ? t('delete.confirm.button', { count: plan.counts.delete })
                : t('ws.plan.apply', { count: writes })}
            </Button>
            <Button onClick={close}>{t('common.cancel')}</Button>
          </Space>
          <TypedConfirmModal
            open={confirming}
            count={plan.counts.delete}
            busy={action.busy === 'apply'}
            onConfirm={() => void apply()}
            onCancel={() => setConfirming(false)}
          />
        </Space>
      )}
      {job && (
        <StartedJob
          job={job}
          deletes={plan?.counts.delete ?? 0}
          canRetry={!isDelete}
          onFinished={onFinished}
        />
      )}
    </Drawer>
  );
}

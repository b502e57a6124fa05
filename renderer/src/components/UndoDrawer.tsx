// Undo of a finished job: the dry-run diff against the contacts as they are now (the same plan table as an
// import's), conflicts shown and skipped unless the admin restores them anyway, a typed confirmation when
// the undo deletes contacts the job created, then the undo job's progress and report.
import { Alert, Button, Checkbox, Drawer, Space, Spin } from 'antd';
import { useState } from 'react';
import { api, type ApplyUndoResult, type PlanSummary } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../lib/useAction';
import { useRemote } from '../lib/useRemote';
import { ErrorExplain } from './ErrorExplain';
import { StartedJob } from './StartedJob';
import { PlanRowsTable } from './PlanRowsTable';
import { TypedConfirmModal } from './TypedConfirmModal';

interface Props {
  /** The job to undo (mount one drawer per job: its state starts afresh). */
  jobId: string;
  onClose: () => void;
}

export function UndoDrawer({ jobId, onClose }: Props) {
  const { t } = useI18n();
  const [force, setForce] = useState(false);
  const [job, setJob] = useState<ApplyUndoResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useAction<'apply'>();
  // Planned again when "restore them anyway" changes; never after the apply (the plan is spent).
  const planned = useRemote<PlanSummary>(job ? null : JSON.stringify([jobId, force]), () =>
    api.planUndo({ jobId, force }),
  );
  // While "restore them anyway" re-plans, the previous diff stays on screen (the apply waits for the new one).
  const plan = planned.data ?? null;

  const close = () => {
    setConfirming(false);
    onClose();
  };

  const c = plan?.counts;
  const writes = c ? c.update + c.create + c.delete : 0;
  const conflicts = plan?.undo?.conflicts ?? 0;
  const apply = () =>
    action.run('apply', async () => {
      if (!plan) return;
      try {
        setJob(await api.applyUndo({ planId: plan.planId, confirmCount: plan.counts.delete }));
      } finally {
        setConfirming(false);
      }
    });

  return (
    <Drawer
      open
      onClose={close}
      size={960}
      title={t('undo.drawer.title', { jobId })}
      destroyOnHidden
      data-testid="undo-drawer"
    >
      <ErrorExplain error={planned.error} />
      <ErrorExplain error={action.error} onClose={action.clearError} />
      {!job && !plan && planned.loading && (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      )}
      {plan && c && !job && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('undo.intro')} />
          {conflicts > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="undo-conflicts"
              title={t(force ? 'undo.conflictsForced' : 'undo.conflicts', { count: conflicts })}
              action={
                <Checkbox
                  checked={force}
                  disabled={action.busy !== null || planned.loading}
                  onChange={(e) => setForce(e.target.checked)}
                  data-testid="undo-force"
                >
                  {t('undo.force')}
                </Checkbox>
              }
            />
          )}
          {writes === 0 && <Alert type="info" showIcon title={t('undo.nothing')} />}
          {c.delete > 0 && (
            <Alert type="warning" showIcon title={t('undo.confirmDeletes', { count: c.delete })} />
          )}
          <PlanRowsTable
            key={plan.planId}
            planId={plan.planId}
            counts={c}
            filters={['changed', 'unchanged', 'invalid', 'all']}
            initialFilter={writes > 0 ? 'changed' : 'all'}
            view="diff"
            height={420}
          />
          <Space>
            <Button
              type="primary"
              danger={c.delete > 0}
              disabled={writes === 0 || planned.loading}
              loading={action.busy === 'apply'}
              onClick={() => (c.delete > 0 ? setConfirming(true) : void apply())}
              data-testid="undo-apply"
            >
              {t('undo.apply', { count: writes })}
            </Button>
            <Button onClick={close}>{t('common.cancel')}</Button>
          </Space>
          <TypedConfirmModal
            open={confirming}
            count={c.delete}
            busy={action.busy === 'apply'}
            onConfirm={() => void apply()}
            onCancel={() => setConfirming(false)}
          />
        </Space>
      )}
      {job && <StartedJob job={job} deletes={c?.delete ?? 0} />}
    </Drawer>
  );
}

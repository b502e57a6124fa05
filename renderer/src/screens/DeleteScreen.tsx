// Delete the contacts a sheet lists: dry-run list, typed confirmation, automatic backup, progress, report.
import { DeleteOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin } from 'antd';
import { useState } from 'react';
import { api, type FileRef, type PlanSummary } from '../api';
import { ErrorExplain } from '../components/ErrorExplain';
import { Screen } from '../components/Screen';
import { FilePicker } from '../components/FilePicker';
import { JobRun } from '../components/JobRun';
import { PlanRowsTable } from '../components/PlanRowsTable';
import { RequireConnection } from '../components/RequireConnection';
import { TypedConfirmModal } from '../components/TypedConfirmModal';
import { useSaveFile } from '../components/useSaveFile';
import { useI18n } from '../i18n';
import { useAction } from '../lib/useAction';

export function DeleteScreen() {
  return (
    <RequireConnection>
      <DeleteFlow />
    </RequireConnection>
  );
}

function DeleteFlow() {
  const { t } = useI18n();
  const saveFile = useSaveFile();
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useAction<'plan' | 'delete'>();
  const { error, setError, clearError } = action;
  const busy = action.busy !== null;
  const [job, setJob] = useState<{ jobId: string; backup: FileRef } | null>(null);

  const reset = () => {
    setPlan(null);
    setJob(null);
    clearError();
  };

  const pick = (file: FileRef) =>
    action.run('plan', async () => setPlan(await api.planDelete({ fileId: file.fileId })));

  const confirm = () =>
    action.run('delete', async () => {
      if (!plan) return;
      try {
        setJob(await api.applyDelete({ planId: plan.planId, confirmCount: plan.counts.delete }));
      } finally {
        setConfirming(false);
      }
    });

  return (
    <Screen title={t('delete.title')} intro={t('delete.intro')}>
      <ErrorExplain error={error} onClose={clearError} />

      {!plan && (
        <Spin spinning={busy}>
          <Card>
            <FilePicker onPicked={pick} testId="delete-file-drop" />
          </Card>
        </Spin>
      )}

      {plan && !job && (
        <Card
          title={`${t('delete.list')} · ${plan.file?.name ?? plan.source}`}
          extra={<Button onClick={reset}>{t('common.back')}</Button>}
        >
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {plan.counts.delete === 0 ? (
              <Alert type="warning" showIcon title={t('delete.none')} />
            ) : (
              <Alert
                type="warning"
                showIcon
                icon={<SafetyCertificateOutlined />}
                title={t('delete.confirm.title', { count: plan.counts.delete })}
                description={t('delete.backupAuto')}
              />
            )}
            <PlanRowsTable
              planId={plan.planId}
              counts={plan.counts}
              filters={plan.counts.invalid > 0 ? ['delete', 'invalid'] : ['delete']}
              initialFilter="delete"
              view="delete"
              height={360}
            />
            <Button
              danger
              type="primary"
              size="large"
              icon={<DeleteOutlined />}
              disabled={plan.counts.delete === 0}
              onClick={() => setConfirming(true)}
              data-testid="delete-start"
            >
              {t('delete.confirm.button', { count: plan.counts.delete })}
            </Button>
          </Space>
          <TypedConfirmModal
            open={confirming}
            count={plan.counts.delete}
            busy={busy}
            onConfirm={() => void confirm()}
            onCancel={() => setConfirming(false)}
          />
        </Card>
      )}

      {job && (
        <Alert
          type="success"
          showIcon
          icon={<SafetyCertificateOutlined />}
          data-testid="delete-backup"
          title={t('delete.backup', { count: plan?.counts.delete ?? 0, path: job.backup.name })}
          action={
            <Button
              size="small"
              data-testid="delete-backup-save"
              onClick={() => void saveFile(async () => job.backup).catch(setError)}
            >
              {t('delete.backup.save')}
            </Button>
          }
        />
      )}
      {/* Deleted contacts cannot be retried into existence: the backup re-creates them instead. */}
      {job && (
        <JobRun
          key={job.jobId}
          jobId={job.jobId}
          canRetry={false}
          extra={
            <Button onClick={reset} data-testid="delete-again">
              {t('delete.another')}
            </Button>
          }
        />
      )}
    </Screen>
  );
}

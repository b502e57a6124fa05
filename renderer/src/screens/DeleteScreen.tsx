// Delete the contacts a sheet lists: dry-run list, typed confirmation, automatic backup, progress, report.
import { DeleteOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api, type FileRef, type JobFinished, type PlanSummary } from '../api';
import { ErrorExplain } from '../components/ErrorExplain';
import { FilePicker } from '../components/FilePicker';
import { JobProgressPanel } from '../components/JobProgressPanel';
import { JobReport } from '../components/JobReport';
import { PlanRowsTable } from '../components/PlanRowsTable';
import { RequireConnection } from '../components/RequireConnection';
import { TypedConfirmModal } from '../components/TypedConfirmModal';
import { useSaveFile } from '../components/useSaveFile';
import { useI18n } from '../i18n';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [job, setJob] = useState<{ jobId: string; backup: FileRef } | null>(null);
  const [finished, setFinished] = useState<JobFinished | null>(null);

  const reset = () => {
    setPlan(null);
    setJob(null);
    setFinished(null);
    setError(null);
  };

  const pick = async (file: FileRef) => {
    setError(null);
    setBusy(true);
    try {
      setPlan(await api.planDelete({ fileId: file.fileId }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      setJob(await api.applyDelete({ planId: plan.planId, confirmCount: plan.counts.delete }));
      setConfirming(false);
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('delete.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 780, margin: 0 }}>
          {t('delete.intro')}
        </Typography.Paragraph>
      </div>
      {error !== null && <ErrorExplain error={error} onClose={() => setError(null)} />}

      {!plan && (
        <Spin spinning={busy}>
          <Card>
            <FilePicker onPicked={pick} testId="delete-file-drop" />
          </Card>
        </Spin>
      )}

      {plan && !job && (
        <Card
          title={`${t('delete.list')} · ${plan.file.name}`}
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
      {job && !finished && <JobProgressPanel jobId={job.jobId} onFinished={setFinished} />}
      {job && finished && (
        <JobReport
          summary={finished.summary}
          error={finished.error}
          extra={<Button onClick={reset}>{t('common.back')}</Button>}
        />
      )}
    </Space>
  );
}

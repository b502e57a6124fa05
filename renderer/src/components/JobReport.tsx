// How a job ended: a summary, the failed rows with errcode, meaning and fix, and what to do next.
import { DownloadOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useAction } from '../lib/useAction';
import { useRemote } from '../lib/useRemote';
import { api, type ErrorInfo, type JobSummary, type ReportRowView } from '../api';
import { useI18n } from '../i18n';
import { ConflictRows, rowAndContactColumns } from './ConflictRows';
import { ErrorExplain } from './ErrorExplain';
import { SavedFileNote } from './SavedFileNote';
import { useSaveFile } from './useSaveFile';

interface Props {
  summary: JobSummary;
  error?: ErrorInfo;
  /** Called with the new job's id after "retry failed rows". */
  onRetry?: (jobId: string) => void;
  /** Called after "apply the remaining rows" (a cancelled or stopped job goes on). */
  onResume?: (jobId: string) => void;
  extra?: ReactNode;
}

export function JobReport({ summary, error, onRetry, onResume, extra }: Props) {
  const { t } = useI18n();
  const saveFile = useSaveFile();
  const [page, setPage] = useState({ current: 1, size: 100 });
  const {
    busy,
    error: actionError,
    clearError,
    run: act,
  } = useAction<'failed' | 'retry' | 'report' | 'resume'>();
  const { jobId } = summary;
  const key = summary.failed > 0 ? JSON.stringify([jobId, page.current, page.size]) : null;
  const {
    data,
    loading,
    error: rowsError,
  } = useRemote(key, () =>
    api.getReportRows({ jobId, filter: 'failed', offset: (page.current - 1) * page.size, limit: page.size }),
  );
  const rows = data?.items ?? [];
  const total = data?.total ?? 0;

  const columns = useMemo<TableColumnsType<ReportRowView>>(
    () => [
      ...rowAndContactColumns(t),
      {
        title: t('common.errcode'),
        dataIndex: 'errcode',
        width: 100,
        render: (v?: number | string) =>
          v === undefined ? (
            '—'
          ) : (
            <Tag color="red" data-testid="report-errcode">
              {String(v)}
            </Tag>
          ),
      },
      {
        title: t('common.meaning'),
        key: 'meaning',
        width: 250,
        render: (_, r) => (
          <div>
            <div>{r.meaning ?? '—'}</div>
            {r.errmsg && r.errmsg !== r.meaning && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('report.message')}: {r.errmsg}
              </Typography.Text>
            )}
          </div>
        ),
      },
      {
        title: t('common.fix'),
        key: 'solution',
        width: 250,
        render: (_, r) => (
          <div>
            <div>{r.solution ?? '—'}</div>
            <Tag color={r.retryable === false ? 'orange' : 'blue'} style={{ marginTop: 4 }}>
              {r.retryable === false ? t('report.needsFix') : t('report.retryable')}
            </Tag>
          </div>
        ),
      },
    ],
    [t],
  );

  const ok = summary.state === 'finished';
  const canResume =
    summary.notSent > 0 && (summary.state === 'cancelled' || summary.state === 'stopped') && onResume;
  const permanent = rows.filter((r) => r.retryable === false).length;
  const retryable = rows.some((r) => r.retryable !== false);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="job-report">
      <Card>
        <Result
          style={{ padding: '16px 0 8px' }}
          status={ok ? 'success' : summary.state === 'stopped' ? 'error' : 'warning'}
          title={
            <span data-testid="report-title">
              {ok
                ? t('report.title.ok', { count: summary.total })
                : summary.state === 'cancelled' || summary.state === 'stopped'
                  ? t(`report.title.${summary.state}`, { notSent: summary.notSent, count: summary.total })
                  : t('report.title.failed', { failed: summary.failed, count: summary.total })}
            </span>
          }
          subTitle={
            <Space orientation="vertical" size={2} data-testid="report-counts">
              <span>
                {t('report.subtitle', {
                  rows: summary.rows,
                  ok: summary.ok,
                  failed: summary.failed,
                  unchanged: summary.unchanged,
                  invalid: summary.invalid,
                })}
              </span>
              {summary.conflicts > 0 && <span>{t('report.conflicts', { count: summary.conflicts })}</span>}
              {summary.notSent > 0 && <span>{t('report.notSent', { count: summary.notSent })}</span>}
            </Space>
          }
          extra={
            <Space wrap style={{ justifyContent: 'center' }}>
              {canResume && (
                <Button
                  type="primary"
                  icon={<RedoOutlined />}
                  loading={busy === 'resume'}
                  onClick={() =>
                    void act('resume', async () => onResume((await api.resumeJob({ jobId })).jobId))
                  }
                  data-testid="resume-remaining"
                >
                  {t('report.resumeRemaining', { count: summary.notSent })}
                </Button>
              )}
              {summary.failed > 0 && (
                <Button
                  type="primary"
                  icon={<DownloadOutlined />}
                  loading={busy === 'failed'}
                  onClick={() =>
                    void act('failed', () =>
                      saveFile(() => api.exportFailedRows({ jobId, format: 'xlsx' }), {
                        scope: `report-${jobId}`,
                      }),
                    )
                  }
                  data-testid="export-failed"
                >
                  {t('report.exportFailed')}
                </Button>
              )}
              {summary.failed > 0 && onRetry && retryable && (
                <Button
                  icon={<RedoOutlined />}
                  loading={busy === 'retry'}
                  onClick={() =>
                    void act('retry', async () => onRetry((await api.retryFailedRows({ jobId })).jobId))
                  }
                  data-testid="retry-failed"
                >
                  {t('report.retryFailed')}
                </Button>
              )}
              <Button
                loading={busy === 'report'}
                onClick={() =>
                  void act('report', () =>
                    saveFile(() => api.exportReport({ jobId, format: 'xlsx' }), { scope: `report-${jobId}` }),
                  )
                }
                data-testid="export-report"
              >
                {t('report.exportReport')}
              </Button>
              {extra}
            </Space>
          }
        />
        <ErrorExplain error={error} />
        <ErrorExplain error={rowsError} />
        <ErrorExplain error={actionError} onClose={clearError} />
        <SavedFileNote scope={`report-${jobId}`} testId="report-saved" />
      </Card>
      {summary.failed > 0 && (
        <Card title={t('report.failedRows')}>
          {permanent > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="report-permanent"
              title={t('report.permanent', { count: permanent })}
            />
          )}
          <Table<ReportRowView>
            data-testid="failed-rows"
            size="small"
            virtual
            rowKey="row"
            loading={loading}
            columns={columns}
            dataSource={rows}
            // Fits the job drawer (960 px) without a sideways scrollbar.
            scroll={{ x: 814, y: 360 }}
            pagination={{
              current: page.current,
              pageSize: page.size,
              total,
              showSizeChanger: true,
              pageSizeOptions: [100, 200, 500],
              hideOnSinglePage: true,
              onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
            }}
          />
        </Card>
      )}
      {summary.conflicts > 0 && <ConflictRows jobId={jobId} count={summary.conflicts} />}
    </Space>
  );
}

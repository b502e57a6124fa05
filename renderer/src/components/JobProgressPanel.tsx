// Live progress of one job: bar, rate, ETA, ok/failed, and pause / resume / cancel.
import { PauseOutlined, CaretRightOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, type JobFinished } from '../api';
import type { JobProgress, JobState } from '../../../shared/domain';
import { useI18n } from '../i18n';
import { formatDuration } from '../lib/duration';
import { useAction } from '../lib/useAction';
import { ErrorExplain } from './ErrorExplain';
import { JobStateTag } from './JobStateTag';

/** A job in these states shows its report (a cancelled or stopped one offers to apply the remaining rows). */
const TERMINAL: readonly JobState[] = [
  'finished',
  'finished-with-failures',
  'stopped',
  'cancelled',
  'damaged',
];

interface Props {
  jobId: string;
  onFinished: (finished: JobFinished) => void;
}

export function JobProgressPanel({ jobId, onFinished }: Props) {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const { busy, error, setError, clearError, run } = useAction<'control'>();
  const finishedRef = useRef(false);
  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  });

  useEffect(() => {
    finishedRef.current = false;
    const finish = (f: JobFinished) => {
      if (finishedRef.current) return;
      finishedRef.current = true;
      onFinishedRef.current(f);
    };
    const offProgress = api.on('job:progress', (p) => {
      if (p.jobId === jobId) setProgress(p);
    });
    const offFinished = api.on('job:finished', (f) => {
      if (f.jobId === jobId) finish(f);
    });
    // A short job may have ended before we subscribed: ask once.
    void api
      .getJob({ jobId })
      .then((s) => {
        setProgress(
          (p) =>
            p ?? {
              jobId,
              state: s.state,
              total: s.total,
              done: s.ok + s.failed,
              ok: s.ok,
              failed: s.failed,
              rate: 0,
              etaSeconds: null,
            },
        );
        if (TERMINAL.includes(s.state)) finish({ jobId, state: s.state, summary: s });
      })
      .catch(setError);
    return () => {
      offProgress();
      offFinished();
    };
  }, [jobId, setError]);

  const control = (work: () => Promise<unknown>) => run('control', work);

  const state = progress?.state ?? 'running';
  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  const paused = state === 'paused' || state === 'interrupted';

  return (
    <Card data-testid="job-progress">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('apply.title')}
            </Typography.Title>
            <JobStateTag state={state} testId="job-state" />
          </Space>
          <Space>
            {paused ? (
              <Button
                icon={<CaretRightOutlined />}
                loading={busy !== null}
                onClick={() => void control(() => api.resumeJob({ jobId }))}
                data-testid="job-resume"
              >
                {t('apply.resume')}
              </Button>
            ) : (
              <Button
                icon={<PauseOutlined />}
                loading={busy !== null}
                disabled={TERMINAL.includes(state)}
                onClick={() => void control(() => api.pauseJob({ jobId }))}
                data-testid="job-pause"
              >
                {t('apply.pause')}
              </Button>
            )}
            <Button
              danger
              icon={<StopOutlined />}
              disabled={TERMINAL.includes(state)}
              data-testid="job-cancel"
              onClick={() =>
                modal.confirm({
                  title: t('apply.cancel'),
                  content: t('apply.cancel.confirm'),
                  okButtonProps: { danger: true },
                  okText: t('apply.cancel'),
                  cancelText: t('common.back'),
                  onOk: () => control(() => api.cancelJob({ jobId })),
                })
              }
            >
              {t('apply.cancel')}
            </Button>
          </Space>
        </Space>
        <Progress
          percent={percent}
          status={state === 'stopped' ? 'exception' : paused ? 'normal' : 'active'}
          strokeWidth={12}
          data-testid="job-progress-bar"
        />
        {progress?.pausedForSeconds !== undefined && progress.pausedForSeconds > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('apply.pausedFor', { seconds: Math.ceil(progress.pausedForSeconds) })}
          />
        )}
        {state === 'paused' ? (
          <Alert type="info" showIcon title={t('apply.pausedNote')} data-testid="job-paused-note" />
        ) : (
          progress?.message &&
          !progress.pausedForSeconds && <Typography.Text type="secondary">{progress.message}</Typography.Text>
        )}
        <Row gutter={16}>
          <Col span={5}>
            <Statistic
              data-testid="job-done"
              title={t('apply.done')}
              value={progress?.done ?? 0}
              suffix={`/ ${(progress?.total ?? 0).toLocaleString()}`}
            />
          </Col>
          <Col span={4}>
            <Statistic title={t('apply.ok')} value={progress?.ok ?? 0} valueStyle={{ color: '#17A34A' }} />
          </Col>
          <Col span={4}>
            <Statistic
              title={t('apply.failed')}
              value={progress?.failed ?? 0}
              valueStyle={{ color: (progress?.failed ?? 0) > 0 ? '#E5484D' : undefined }}
            />
          </Col>
          <Col span={5}>
            <Statistic
              title={t('apply.rateTitle')}
              value={progress && !paused ? progress.rate.toFixed(1) : '—'}
            />
          </Col>
          <Col span={6}>
            <Statistic
              title={t('apply.etaTitle')}
              value={
                !paused && progress?.etaSeconds !== null && progress?.etaSeconds !== undefined
                  ? formatDuration(progress.etaSeconds, lang)
                  : '—'
              }
            />
          </Col>
        </Row>
        <ErrorExplain error={error} onClose={clearError} />
      </Space>
    </Card>
  );
}

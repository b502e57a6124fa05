// Job history: every import, delete and retry with its result; resume interrupted ones, open their reports.
import { ReloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Drawer,
  Empty,
  Progress,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type JobSummary } from '../api';
import type { JobProgress } from '../../../shared/domain';
import { ErrorExplain } from '../components/ErrorExplain';
import { Screen } from '../components/Screen';
import { JobRun } from '../components/JobRun';
import { JobStateTag } from '../components/JobStateTag';
import { UndoDrawer } from '../components/UndoDrawer';
import { useSession } from '../state/session';
import { useI18n, type MessageKey } from '../i18n';

const KIND_LABEL: Record<JobSummary['kind'], MessageKey> = {
  import: 'jobs.kind.import',
  delete: 'jobs.kind.delete',
  retry: 'jobs.kind.retry',
  undo: 'jobs.kind.undo',
  edit: 'jobs.kind.edit',
  handover: 'jobs.kind.handover',
  merge: 'jobs.kind.merge',
};

export function JobsScreen() {
  const { t, lang } = useI18n();
  const { backendLang } = useSession();
  const [jobs, setJobs] = useState<JobSummary[] | null>(null);
  const [live, setLive] = useState<Record<string, JobProgress>>({});
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<{ jobId: string } | null>(null);
  const [undo, setUndo] = useState<string | null>(null);

  const load = useCallback(() => {
    api.listJobs().then(
      (list) => {
        setJobs([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
        setError(null);
      },
      (e: unknown) => setError(e),
    );
  }, []);

  // Again when the language changes: the backend words the damaged jobs' explanations.
  useEffect(load, [load, backendLang]);
  useEffect(() => {
    const offP = api.on('job:progress', (p) => setLive((m) => ({ ...m, [p.jobId]: p })));
    const offF = api.on('job:finished', () => load());
    return () => {
      offP();
      offF();
    };
  }, [load]);

  const dateFmt = useMemo(
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
    [lang],
  );

  const columns: TableColumnsType<JobSummary> = [
    {
      title: t('jobs.col.started'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => dateFmt.format(new Date(v)),
    },
    {
      title: t('jobs.col.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: JobSummary['kind'], j) => (
        <span data-testid={`job-kind-${j.jobId}`}>{t(KIND_LABEL[k])}</span>
      ),
    },
    {
      title: t('jobs.col.file'),
      dataIndex: 'source',
      ellipsis: true,
      minWidth: 110,
      render: (s?: string) => s ?? '—',
    },
    {
      title: t('jobs.col.state'),
      key: 'state',
      width: 150,
      render: (_, j) =>
        j.damage ? (
          <Tooltip title={`${t('jobs.damaged', { reason: j.damage.reason })} — ${j.damage.advice}`}>
            <span data-testid={`job-damaged-${j.jobId}`}>
              <JobStateTag state="damaged" />
            </span>
          </Tooltip>
        ) : (
          <Space size={4} wrap>
            <JobStateTag state={live[j.jobId]?.state ?? j.state} />
            {j.undoneBy && (
              <Tooltip title={t('jobs.undoneBy', { jobId: j.undoneBy })}>
                <Tag data-testid={`job-undone-${j.jobId}`}>{t('jobs.undone')}</Tag>
              </Tooltip>
            )}
          </Space>
        ),
    },
    {
      title: t('jobs.col.result'),
      key: 'result',
      width: 240,
      render: (_, j) => {
        const p = live[j.jobId];
        if (p && (p.state === 'running' || p.state === 'paused')) {
          return <Progress size="small" percent={p.total ? Math.floor((p.done / p.total) * 100) : 0} />;
        }
        return (
          <Space size={4} wrap={false}>
            <Tag color="green">
              {t('apply.ok')} {j.ok}
            </Tag>
            <Tag color={j.failed > 0 ? 'red' : 'default'}>
              {t('apply.failed')} {j.failed}
            </Tag>
            {j.notSent > 0 && (
              <Tag color="orange">
                {t('jobs.notSent')} {j.notSent}
              </Tag>
            )}
            <Typography.Text type="secondary">/ {j.total}</Typography.Text>
          </Space>
        );
      },
    },
    {
      title: t('jobs.col.actions'),
      key: 'actions',
      // Always in sight: a narrow window scrolls the other columns, never Report and Undo away.
      fixed: 'right',
      width: 190,
      render: (_, j) => (
        <Space>
          {j.resumable && j.state !== 'running' && (
            <Button
              size="small"
              type="primary"
              data-testid={`job-resume-${j.jobId}`}
              onClick={() =>
                void api.resumeJob({ jobId: j.jobId }).then(
                  (r) => setOpen({ jobId: r.jobId }),
                  (e: unknown) => setError(e),
                )
              }
            >
              {t('jobs.resume')}
            </Button>
          )}
          <Button
            size="small"
            onClick={() => setOpen({ jobId: j.jobId })}
            data-testid={`job-open-${j.jobId}`}
          >
            {t('jobs.report')}
          </Button>
          {canUndo(j, live[j.jobId]) && (
            <Button size="small" onClick={() => setUndo(j.jobId)} data-testid={`job-undo-${j.jobId}`}>
              {t('undo.button')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Screen
      title={t('jobs.title')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={load}>
          {t('common.refresh')}
        </Button>
      }
    >
      <ErrorExplain error={error} onClose={() => setError(null)} />
      <Card>
        <Table<JobSummary>
          data-testid="jobs-table"
          rowKey="jobId"
          size="middle"
          loading={jobs === null}
          columns={columns}
          dataSource={jobs ?? []}
          locale={{ emptyText: <Empty description={t('jobs.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          // Fits a 1280-wide window; a narrower one scrolls the table sideways (the actions stay pinned)
          // rather than squeezing the file name out.
          scroll={{ x: 970 }}
        />
      </Card>
      <Drawer
        open={open !== null}
        size={960}
        title={
          open
            ? `${t('jobs.report')} · ${jobs?.find((j) => j.jobId === open.jobId)?.source || open.jobId}`
            : undefined
        }
        onClose={() => {
          setOpen(null);
          load();
        }}
        destroyOnHidden
      >
        {/* A running job shows its progress; a finished one its report. */}
        {open && <JobRun key={open.jobId} jobId={open.jobId} />}
      </Drawer>
      {undo && (
        <UndoDrawer
          key={undo}
          jobId={undo}
          onClose={() => {
            setUndo(null);
            load();
          }}
        />
      )}
    </Screen>
  );
}

/** A job that has ended and wrote something can be undone (what it wrote, nothing more). */
const UNDOABLE: ReadonlySet<JobSummary['state']> = new Set([
  'finished',
  'finished-with-failures',
  'cancelled',
  'stopped',
  'interrupted',
]);
function canUndo(j: JobSummary, live: JobProgress | undefined): boolean {
  if (live && (live.state === 'running' || live.state === 'paused')) return false;
  // An undo that finished put everything back: undoing again would find nothing to do.
  return !j.damage && !j.undoneBy && UNDOABLE.has(j.state) && j.ok > 0;
}

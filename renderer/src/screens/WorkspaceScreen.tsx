// Find and edit contacts: the local index of every contact, searched with the query language (chips add
// terms), a virtual table (pages fetched as they scroll into view, so 100,000 rows stay smooth), row or
// "all N matching" selection, bulk actions that each open the dry-run diff first, a detail drawer with the
// jobs that touched a contact, the label overview and the duplicate review.
import { ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type ContactIndexInfo, type ContactIndexProgress, type PlanSummary } from '../api';
import { ErrorExplain } from '../components/ErrorExplain';
import { RequireConnection } from '../components/RequireConnection';
import { Screen } from '../components/Screen';
import { DirectoryAge } from '../components/people/DirectoryAge';
import { HandOverDialog } from '../components/people/HandOverDialog';
import { ContactsTable } from '../components/workspace/ContactsTable';
import { DuplicatesPanel } from '../components/workspace/DuplicatesPanel';
import { LabelOverviewPanel } from '../components/workspace/LabelOverviewPanel';
import { PlanDrawer } from '../components/workspace/PlanDrawer';
import { useI18n } from '../i18n';
import { agoText } from '../lib/age';
import { useAction } from '../lib/useAction';

export function WorkspaceScreen() {
  return (
    <RequireConnection>
      <Workspace />
    </RequireConnection>
  );
}

function Workspace() {
  const { t } = useI18n();
  const [index, setIndex] = useState<ContactIndexInfo | null>(null);
  const [progress, setProgress] = useState<ContactIndexProgress | null>(null);
  const [tab, setTab] = useState('table');
  const [query, setQuery] = useState('');
  // Bumped after a refresh or a job: the table and panels read again.
  const [version, setVersion] = useState(0);
  const [, tick] = useState(0);
  const action = useAction<'refresh'>();
  const [handOver, setHandOver] = useState(false);
  const [handOverPlan, setHandOverPlan] = useState<PlanSummary | null>(null);

  useEffect(() => api.on('contacts:progress', setProgress), []);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  const refresh = useCallback(
    () =>
      action.run('refresh', async () => {
        setIndex(await api.refreshContactIndex());
        setVersion((v) => v + 1);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  useEffect(() => {
    void api.getContactIndex().then((i) => {
      setIndex(i);
      if (!i.loaded) void refresh();
    });
  }, [refresh]);

  const changed = () => {
    setVersion((v) => v + 1);
    void api.getContactIndex().then(setIndex);
  };

  const ageText = index?.refreshedAt
    ? t('ws.index.age', { age: agoText(t, index.refreshedAt) })
    : t('ws.index.never');
  const loading = action.busy === 'refresh';

  return (
    <Screen
      title={t('ws.title')}
      intro={t('ws.intro')}
      extra={
        // The screen's action on top; beneath it, right-aligned, what the table stands on: the local index
        // and the staff directory, each with its age and its own refresh.
        <Space orientation="vertical" align="end" size={2}>
          <Button
            icon={<SwapOutlined />}
            disabled={!index?.loaded}
            onClick={() => setHandOver(true)}
            data-testid="ws-handover"
          >
            {t('handover.open')}
          </Button>
          <span style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text type="secondary" data-testid="ws-index-age">
              {index ? `${t('ws.index.size', { count: index.size })} · ${ageText}` : ''}
            </Typography.Text>
            <Typography.Text type="secondary"> · </Typography.Text>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              icon={<ReloadOutlined />}
              loading={loading}
              onClick={() => void refresh()}
              data-testid="ws-refresh"
            >
              {t('common.refresh')}
            </Button>
          </span>
          <DirectoryAge version={version} />
        </Space>
      }
    >
      <ErrorExplain error={action.error} onClose={action.clearError} />
      {loading && (
        <Card data-testid="ws-loading">
          <Typography.Text>{t('ws.index.loading', { done: progress?.done ?? 0 })}</Typography.Text>
          <Progress
            percent={
              progress?.total ? Math.min(99, Math.round((progress.done / progress.total) * 100)) : undefined
            }
            status="active"
            showInfo={Boolean(progress?.total)}
          />
        </Card>
      )}
      {index?.loaded && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'table',
              label: t('ws.tab.table'),
              children: (
                <ContactsTable query={query} onQuery={setQuery} version={version} onChanged={changed} />
              ),
            },
            {
              key: 'labels',
              label: t('ws.tab.labels'),
              children: (
                <LabelOverviewPanel
                  version={version}
                  onFilter={(q) => {
                    setQuery(q);
                    setTab('table');
                  }}
                />
              ),
            },
            {
              key: 'duplicates',
              label: t('ws.tab.duplicates'),
              children: <DuplicatesPanel version={version} onChanged={changed} />,
            },
          ]}
        />
      )}
      {index && !index.loaded && !loading && <Alert type="info" showIcon title={t('ws.index.never')} />}
      <HandOverDialog
        open={handOver}
        onClose={() => setHandOver(false)}
        onPlanned={(p) => {
          setHandOver(false);
          setHandOverPlan(p);
          // The plan read the directory and the contacts again: names and ages follow.
          changed();
        }}
      />
      <PlanDrawer plan={handOverPlan} onClose={() => setHandOverPlan(null)} onFinished={changed} />
    </Screen>
  );
}

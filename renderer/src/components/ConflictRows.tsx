// The rows a job did not write because their contact changed in DingTalk meanwhile, in a field the row
// changes too: each with why (the fields) and what to do. Shown under a job's report when it has any.
import { Card, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { api, type ReportRowView } from '../api';
import { useI18n, type Translate } from '../i18n';
import { useRemote } from '../lib/useRemote';
import { ErrorExplain } from './ErrorExplain';

/** The first columns of a report's row tables: the sheet row and the contact it names. */
export function rowAndContactColumns(t: Translate): TableColumnsType<ReportRowView> {
  return [
    { title: t('common.row'), dataIndex: 'row', width: 64 },
    {
      title: t('contacts.col.userId'),
      dataIndex: 'userId',
      width: 150,
      render: (v?: string) => <span className="dt-mono">{v ?? '—'}</span>,
    },
  ];
}

/** Conflicts are few (a row each for contacts edited by someone else meanwhile): one page holds them. */
const LIMIT = 500;

export function ConflictRows({ jobId, count }: { jobId: string; count: number }) {
  const { t } = useI18n();
  const { data, loading, error } = useRemote(JSON.stringify(['conflicts', jobId, count]), () =>
    api.getReportRows({ jobId, filter: 'conflict', offset: 0, limit: LIMIT }),
  );
  const columns = useMemo<TableColumnsType<ReportRowView>>(
    () => [
      ...rowAndContactColumns(t),
      { title: t('common.meaning'), dataIndex: 'errmsg', width: 300 },
      { title: t('common.fix'), dataIndex: 'solution', width: 300 },
    ],
    [t],
  );
  return (
    <Card title={t('report.conflictRows', { count })}>
      <ErrorExplain error={error} />
      <Table<ReportRowView>
        data-testid="conflict-rows"
        size="small"
        rowKey="row"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 814, y: 360 }}
        pagination={false}
      />
    </Card>
  );
}

// A plan's rows, paged from the backend (a plan can hold 100,000 rows) into a virtual antd Table.
// Used by the validation step, the dry-run diff and the delete list.
import { Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useRemote } from '../lib/useRemote';
import { api, type PlanCounts, type PlanFilter, type PlanRowView } from '../api';
import { fieldLabel, useI18n, type MessageKey } from '../i18n';
import { ActionTag } from './ActionTag';
import { ChangeValue, isLabelField, LabelDiff } from './ChangeValue';
import { ErrorExplain } from './ErrorExplain';

export type PlanView = 'diff' | 'validate' | 'delete';

const FILTER_LABEL: Record<PlanFilter, MessageKey> = {
  all: 'import.diff.filter.all',
  changed: 'import.diff.filter.changed',
  unchanged: 'import.diff.filter.unchanged',
  warnings: 'import.diff.filter.warnings',
  invalid: 'import.diff.filter.invalid',
  create: 'import.diff.filter.create',
  update: 'import.action.update',
  delete: 'import.diff.filter.delete',
};

/** A plan's counts, with the number of rows that carry warnings when the table offers that filter. */
export type TableCounts = PlanCounts & { warnings?: number };

export function countFor(filter: PlanFilter, c: TableCounts): number {
  switch (filter) {
    case 'all':
      return c.rows;
    case 'warnings':
      return c.warnings ?? 0;
    case 'changed':
      return c.create + c.update + c.delete;
    default:
      return c[filter];
  }
}

interface Props {
  planId: string;
  counts: TableCounts;
  filters: readonly PlanFilter[];
  initialFilter: PlanFilter;
  view: PlanView;
  height?: number;
  /**
   * 'sheet': each row's number in its spreadsheet (what the report and the failed-rows file say);
   * 'list': a plan made from a query has no sheet, so its contacts are counted down the list instead.
   */
  numbering?: 'sheet' | 'list';
}

export function PlanRowsTable({
  planId,
  counts,
  filters,
  initialFilter,
  view,
  height = 420,
  numbering = 'sheet',
}: Props) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<PlanFilter>(initialFilter);
  const [page, setPage] = useState({ current: 1, size: 100 });
  const key = JSON.stringify([planId, filter, page.current, page.size]);
  const { data, loading, error } = useRemote(key, () =>
    api.getPlanRows({ planId, filter, offset: (page.current - 1) * page.size, limit: page.size }),
  );
  const rows = data?.items ?? [];
  const total = data?.total ?? 0;
  const position = useMemo(
    () => new Map((data?.items ?? []).map((r, i) => [r.row, (data?.offset ?? 0) + i + 1])),
    [data],
  );

  const columns = useMemo<TableColumnsType<PlanRowView>>(() => {
    const base: TableColumnsType<PlanRowView> = [
      numbering === 'sheet'
        ? { title: t('common.row'), dataIndex: 'row', width: 70, fixed: 'left' }
        : {
            title: t('common.index'),
            key: 'index',
            width: 70,
            fixed: 'left',
            render: (_, r) => position.get(r.row),
          },
      {
        title: t('import.diff.action'),
        dataIndex: 'action',
        width: 110,
        render: (_, r) => <ActionTag action={r.action} />,
      },
      {
        title: t('contacts.col.name'),
        key: 'who',
        width: 220,
        render: (_, r) => (
          <div style={{ lineHeight: 1.35 }}>
            <div>{r.name ?? '—'}</div>
            <Typography.Text type="secondary" className="dt-mono">
              {r.userId ?? ''}
            </Typography.Text>
          </div>
        ),
      },
    ];
    if (view === 'delete') {
      base.push({ title: t('contacts.col.company'), dataIndex: 'company', width: 260 });
    }
    if (view !== 'delete' || counts.invalid > 0) {
      base.push({
        title: view === 'validate' ? t('import.validate.reason') : t('import.diff.changes'),
        key: 'detail',
        width: 460,
        render: (_, r) => <RowDetail row={r} />,
      });
    }
    return base;
  }, [t, view, counts.invalid, numbering, position]);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {filters.length > 1 && (
        <Segmented<PlanFilter>
          data-testid="plan-filter"
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={filters.map((f) => ({
            value: f,
            label: (
              <span data-testid={`filter-${f}`}>
                {t(FILTER_LABEL[f])}{' '}
                <span data-testid={`count-${f}`}>{countFor(f, counts).toLocaleString()}</span>
              </span>
            ),
          }))}
        />
      )}
      {error !== null && <ErrorExplain error={error} />}
      <Table<PlanRowView>
        data-testid="plan-rows"
        size="small"
        virtual
        bordered={false}
        rowKey="row"
        loading={loading}
        columns={columns}
        dataSource={rows}
        // Fits the workspace's plan drawer (920 px) without a sideways scrollbar.
        scroll={{ x: 860, y: height }}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total,
          showSizeChanger: true,
          // 100,000 rows are 200+ pages: jumping beats clicking.
          showQuickJumper: total > 1000,
          pageSizeOptions: [100, 200, 500],
          showTotal: (n) =>
            t(numbering === 'sheet' ? 'common.rows' : 'common.contacts', { count: n.toLocaleString() }),
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
      />
    </Space>
  );
}

// PlannedRow.errors / warnings come from the planner in the UI language (the backend plans in
// settings.language); a plan made before a language switch keeps the language it was made in.
function RowDetail({ row }: { row: PlanRowView }) {
  const { t } = useI18n();
  // Warnings show on every row, "no change" ones too: a read-only edit that is left as it is must be seen.
  const warnings = row.warnings.map((w) => (
    <Typography.Text key={w} type="warning" data-testid="row-warning" style={{ gridColumn: '1 / span 2' }}>
      {w}
    </Typography.Text>
  ));
  if (row.errors.length > 0) {
    return (
      <div data-testid="row-errors" style={{ display: 'grid' }}>
        {row.errors.map((e) => (
          <div key={e}>
            <Typography.Text type="danger">{e}</Typography.Text>
          </div>
        ))}
        {warnings}
      </div>
    );
  }
  if (row.changes.length === 0) {
    return (
      <div style={{ display: 'grid' }}>
        <Typography.Text type="secondary">{t('import.diff.noChanges')}</Typography.Text>
        {warnings}
      </div>
    );
  }
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 2 }}>
      {row.changes.map((c) => (
        <FieldChangeLine key={c.field} field={c.field} before={c.before} after={c.after} />
      ))}
      {warnings}
    </div>
  );
}

function FieldChangeLine({ field, before, after }: { field: string; before: unknown; after: unknown }) {
  const { t } = useI18n();
  return (
    <>
      {/* The key stays reachable on hover: it is what the sheet header or a mapping file says. */}
      <Typography.Text type="secondary" title={field} data-field={field}>
        {fieldLabel(t, field)}
      </Typography.Text>
      {isLabelField(field) ? (
        <LabelDiff before={before} after={after} />
      ) : (
        <span>
          <ChangeValue field={field} value={before} side="before" />
          <Typography.Text type="secondary" style={{ margin: '0 6px' }}>
            →
          </Typography.Text>
          <ChangeValue field={field} value={after} side="after" />
        </span>
      )}
    </>
  );
}

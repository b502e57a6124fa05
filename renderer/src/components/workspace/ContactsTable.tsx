// The contacts table: a search box in the query language (a bad term is underlined with the backend's
// one-line reason), filter chips that add terms, sortable columns, the match count, and a virtual list of
// rows fetched in blocks as they scroll into view (ContactRows, rowWindow: only the visible rows are in the
// DOM, at 100,000 too). Scrolling renders the list alone, never this component.
import { CloseOutlined, DeleteOutlined, DownOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Empty, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  api,
  type ContactSelection,
  type ContactSortKey,
  type ContactsPage,
  type PlanSummary,
} from '../../api';
import { useI18n } from '../../i18n';
import { textOn } from '../../lib/color';
import { useSession } from '../../state/session';
import { SavedFileNote } from '../SavedFileNote';
import { useSaveFile } from '../useSaveFile';
import { ErrorExplain } from '../ErrorExplain';
import { LabelChip } from '../LabelChips';
import { ActionDialog, ACTION_LABEL, type ActionKind } from './ActionDialog';
import { ContactRows } from './ContactRows';
import { DetailDrawer } from './DetailDrawer';
import { PlanDrawer } from './PlanDrawer';
import { BLOCK, RowWindow } from './rowWindow';
import { COLUMNS, GRID, type LabelLook } from './tableColumns';
import { queryTerm } from '../../../../shared/contact-query';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  /** Bumped when the index changed (refresh, a job): blocks are read again. */
  version: number;
  onChanged: () => void;
}

export function ContactsTable({ query, onQuery, version, onChanged }: Props) {
  const { t } = useI18n();
  const { org } = useSession();
  const saveFile = useSaveFile();
  const [text, setText] = useState(query);
  const [sort, setSort] = useState<{ key: ContactSortKey; descending: boolean }>({
    key: 'name',
    descending: false,
  });
  const [head, setHead] = useState<ContactsPage | null>(null);
  const [rows, setRows] = useState<RowWindow | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [actionKind, setActionKind] = useState<ActionKind | null>(null);
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // A new query, sort or index: the search box shows the query, the selection is cleared (while rendering,
  // not in an effect: no render with the old selection)...
  const generation = `${query}\u0000${sort.key}\u0000${sort.descending}\u0000${version}`;
  const [seen, setSeen] = useState({ query, generation });
  if (seen.generation !== generation) {
    setSeen({ query, generation });
    if (seen.query !== query) setText(query);
    setPicked(new Set());
    setAllMatching(false);
  }
  // ...and the first block is read, with a new window of rows (the old one's calls ignored).
  useEffect(() => {
    let stale = false;
    let win: RowWindow | undefined;
    void api
      .queryContacts({ query, sort, offset: 0, limit: BLOCK })
      .then((p) => {
        if (stale) return;
        setHead(p);
        win = new RowWindow(
          (offset, limit) => api.queryContacts({ query, sort, offset, limit }).then((page) => page.items),
          p.error ? 0 : p.total,
          p.items,
          setError,
        );
        setRows(win);
      })
      .catch(setError);
    return () => {
      stale = true;
      win?.close();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generation]);

  const total = head?.error ? 0 : (head?.total ?? 0);

  const selection: ContactSelection = allMatching ? { query } : { userIds: [...picked] };
  const selectedCount = allMatching ? total : picked.size;

  const addTerm = (term: string) => onQuery(query.trim() ? `${query.trim()} ${term}` : term);

  // Chips: labels in their group colours, then owners, companies and departments seen in the first rows.
  const facets = useMemo(() => {
    const first = head?.items ?? [];
    const top = (xs: string[]) => {
      const n = new Map<string, number>();
      for (const x of xs) if (x) n.set(x, (n.get(x) ?? 0) + 1);
      return [...n.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([x]) => x);
    };
    return {
      owners: top(first.map((r) => r.ownerName ?? r.owner)),
      companies: top(first.map((r) => r.company ?? '')),
      depts: top(first.flatMap((r) => r.shareDeptNames ?? r.shareDepts.map(String))),
    };
  }, [head]);

  const labelName = useMemo(() => {
    const m = new Map<number, LabelLook>();
    for (const g of org?.labelGroups ?? [])
      for (const l of g.labels)
        m.set(l.id, { name: l.name, hex: g.colorHex, fg: textOn(g.colorHex), group: g.name });
    return m;
  }, [org]);

  // Stable, so the memoised rows do not render again when the toolbar does.
  const openDetail = useCallback((userid: string) => setDetail(userid), []);
  const check = useCallback(
    (userid: string, checked: boolean) =>
      setPicked((p) => {
        const n = new Set(p);
        if (checked) n.add(userid);
        else n.delete(userid);
        return n;
      }),
    [],
  );
  const headCheck = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headCheck.current) headCheck.current.indeterminate = !allMatching && picked.size > 0;
  }, [allMatching, picked]);

  const exportSelection = async () => {
    const count = selectedCount;
    setExporting(true);
    try {
      await saveFile(() => api.exportSelection({ selection, format: 'xlsx' }), {
        scope: 'workspace-export',
        what: () => t('contacts.export.done', { count }),
      });
    } catch (e) {
      setError(e);
    } finally {
      setExporting(false);
    }
  };

  const err = head?.error;
  const actionItems = (
    ['addLabels', 'removeLabels', 'setOwner', 'share', 'unshare', 'setField'] as const
  ).map((k) => ({
    key: k,
    label: <span data-testid={`ws-action-${k}`}>{t(ACTION_LABEL[k])}</span>,
  }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ErrorExplain error={error} onClose={() => setError(null)} />
      <Input.Search
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onQuery(v)}
        enterButton={<SearchOutlined />}
        allowClear
        placeholder={t('ws.search.placeholder')}
        status={err ? 'error' : undefined}
        data-testid="ws-search"
        className="dt-mono"
      />
      {err ? (
        <Alert
          type="error"
          showIcon
          data-testid="ws-query-error"
          title={err.message}
          description={
            <span className="dt-mono">
              {query.slice(0, err.start)}
              <mark style={{ background: '#FFCCC7', textDecoration: 'underline wavy #CF1322' }}>
                {query.slice(err.start, err.end)}
              </mark>
              {query.slice(err.end)}
            </span>
          }
        />
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ws.search.help')}
        </Typography.Text>
      )}

      <div data-testid="ws-chips" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        {(org?.labelGroups ?? []).map((g) => (
          <Dropdown
            key={g.name}
            menu={{
              items: [
                { key: '*', label: `${g.name} (${t('ws.chips.labels')})` },
                ...g.labels.map((l) => ({
                  key: l.name,
                  label: <LabelChip name={l.name} hex={g.colorHex} />,
                })),
              ],
              onClick: ({ key }) =>
                addTerm(key === '*' ? queryTerm('group', g.name) : queryTerm('label', `${g.name}/${key}`)),
            }}
          >
            <Tag
              style={{ cursor: 'pointer', borderColor: g.colorHex, color: g.colorHex }}
              data-testid="ws-chip-group"
            >
              {g.name} <DownOutlined style={{ fontSize: 10 }} />
            </Tag>
          </Dropdown>
        ))}
        {facets.owners.map((o) => (
          <Tag
            key={`o${o}`}
            color="blue"
            style={{ cursor: 'pointer' }}
            data-testid="ws-chip-owner"
            onClick={() => addTerm(queryTerm('owner', o))}
          >
            {t('ws.chips.owners')}: {o}
          </Tag>
        ))}
        {facets.companies.map((c) => (
          <Tag
            key={`c${c}`}
            color="geekblue"
            style={{ cursor: 'pointer' }}
            data-testid="ws-chip-company"
            onClick={() => addTerm(queryTerm('company', c))}
          >
            {t('ws.chips.companies')}: {c}
          </Tag>
        ))}
        {facets.depts.map((d) => (
          <Tag
            key={`d${d}`}
            color="cyan"
            style={{ cursor: 'pointer' }}
            data-testid="ws-chip-dept"
            onClick={() => addTerm(queryTerm('shared-dept', d))}
          >
            {t('ws.chips.depts')}: {d}
          </Tag>
        ))}
      </div>

      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Text strong data-testid="ws-count">
          {t('ws.matches', { count: total })}
        </Typography.Text>
        {head && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ws.elapsed', { ms: Math.max(1, Math.round(head.elapsedMs)) })}
          </Typography.Text>
        )}
        {selectedCount > 0 && (
          <Tag color="processing" data-testid="ws-selected">
            {allMatching
              ? t('ws.select.allOn', { count: total })
              : t('ws.select.rows', { count: picked.size })}
          </Tag>
        )}
        {!allMatching && total > 0 && (
          <Button size="small" onClick={() => setAllMatching(true)} data-testid="ws-select-all">
            {t('ws.select.all', { count: total })}
          </Button>
        )}
        {selectedCount > 0 && (
          <Button
            size="small"
            icon={<CloseOutlined />}
            onClick={() => (setAllMatching(false), setPicked(new Set()))}
          >
            {t('ws.select.clear')}
          </Button>
        )}
        <div style={{ flex: 1 }} />
        <Dropdown
          disabled={selectedCount === 0}
          menu={{ items: actionItems, onClick: ({ key }) => setActionKind(key as ActionKind) }}
        >
          <Button type="primary" disabled={selectedCount === 0} data-testid="ws-actions">
            {t('ws.action.plan')}… <DownOutlined />
          </Button>
        </Dropdown>
        <Button
          disabled={selectedCount === 0}
          loading={exporting}
          onClick={() => void exportSelection()}
          data-testid="ws-export"
        >
          {t('ws.action.export')}
        </Button>
        <Button
          danger
          disabled={selectedCount === 0}
          icon={<DeleteOutlined />}
          onClick={() => setActionKind('delete')}
          data-testid="ws-delete"
        >
          {t('ws.action.delete')}
        </Button>
      </div>

      <SavedFileNote scope="workspace-export" testId="ws-export-saved" />

      <div
        className="dt-ws-table"
        style={{
          border: '1px solid #F0F0F0',
          borderRadius: 8,
          overflow: 'hidden',
          ['--dt-ws-grid' as string]: GRID,
        }}
      >
        <div className="dt-ws-grid dt-ws-head">
          <div className="dt-ws-cell dt-ws-box">
            <input
              ref={headCheck}
              type="checkbox"
              className="dt-ws-check"
              checked={allMatching}
              onChange={(e) => (setAllMatching(e.target.checked), setPicked(new Set()))}
              aria-label={t('ws.select.all', { count: total })}
            />
          </div>
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              className="dt-ws-cell"
              style={{ cursor: c.key === 'labels' ? 'default' : 'pointer', userSelect: 'none' }}
              data-testid={`ws-sort-${c.key}`}
              onClick={() =>
                c.key !== 'labels' &&
                setSort((s) => ({
                  key: c.key as ContactSortKey,
                  descending: s.key === c.key ? !s.descending : false,
                }))
              }
            >
              {t(c.title)}
              {sort.key === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
            </div>
          ))}
        </div>
        {rows && head && !head.error && total === 0 ? (
          // Nothing matched: say so, rather than an empty white box under the headers.
          <div className="dt-ws-scroll" data-testid="ws-rows">
            <Empty
              style={{ paddingTop: 120 }}
              description={t(query.trim() ? 'ws.noMatches' : 'ws.noContacts')}
              data-testid="ws-empty"
            />
          </div>
        ) : rows ? (
          <ContactRows
            rows={rows}
            picked={picked}
            allMatching={allMatching}
            labels={labelName}
            onOpen={openDetail}
            onCheck={check}
          />
        ) : (
          <div className="dt-ws-scroll" data-testid="ws-rows" />
        )}
      </div>

      <ActionDialog
        kind={actionKind}
        selection={selection}
        onClose={() => setActionKind(null)}
        onPlanned={(p) => {
          setActionKind(null);
          setPlan(p);
        }}
      />
      <PlanDrawer plan={plan} onClose={() => setPlan(null)} onFinished={onChanged} />
      <DetailDrawer
        key={detail ?? ''}
        userid={detail}
        onClose={() => setDetail(null)}
        labelName={labelName}
      />
    </Space>
  );
}

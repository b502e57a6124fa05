// Duplicate review: groups found by mobile, name + company or near-identical names; choose the contact to
// keep per group and which groups to merge; the merge opens the same dry-run diff (backup, then delete).
import { Alert, Button, Card, Checkbox, Empty, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type DuplicatesView, type PlanSummary } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { ErrorExplain } from '../ErrorExplain';
import { PlanDrawer } from './PlanDrawer';

const REASON: Record<string, MessageKey> = {
  mobile: 'dup.reason.mobile',
  'name-company': 'dup.reason.name-company',
  'similar-name': 'dup.reason.similar-name',
};

export function DuplicatesPanel({ onChanged }: { version: number; onChanged: () => void }) {
  const { t } = useI18n();
  const [view, setView] = useState<DuplicatesView | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [keep, setKeep] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const action = useAction<'find' | 'merge'>();

  const find = () =>
    action.run('find', async () => {
      const v = await api.findDuplicates();
      setView(v);
      // Nothing is merged unless the admin ticks it: a merge deletes contacts.
      setChosen(new Set());
      setKeep({});
    });
  const merge = () =>
    action.run('merge', async () => setPlan(await api.planMergeDuplicates({ groupIds: [...chosen], keep })));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ErrorExplain error={action.error} onClose={action.clearError} />
      <Space wrap>
        <Button
          type="primary"
          loading={action.busy === 'find'}
          onClick={() => void find()}
          data-testid="ws-dup-find"
        >
          {t('ws.dup.find')}
        </Button>
        {view && view.groups.length > 0 && (
          <Button
            danger
            disabled={chosen.size === 0}
            loading={action.busy === 'merge'}
            onClick={() => void merge()}
            data-testid="ws-dup-merge"
          >
            {t('ws.dup.merge', { count: chosen.size })}
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary">{t('ws.dup.help')}</Typography.Text>
      {view && view.groups.length > 0 && (
        <Checkbox
          checked={chosen.size === view.groups.length}
          indeterminate={chosen.size > 0 && chosen.size < view.groups.length}
          onChange={(e) => setChosen(new Set(e.target.checked ? view.groups.map((g) => g.id) : []))}
          data-testid="ws-dup-all"
        >
          {t('ws.dup.all', { count: view.groups.length })}
        </Checkbox>
      )}
      {view && view.groups.length === 0 && <Empty description={t('ws.dup.none', { total: view.total })} />}
      {view && view.groups.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('ws.dup.summary', { groups: view.groups.length, total: view.total })}
        />
      )}
      <div style={{ maxHeight: 560, overflow: 'auto' }} data-testid="ws-dup-groups">
        {view?.groups.slice(0, 200).map((g) => (
          <Card
            key={g.id}
            data-testid="ws-dup-group"
            size="small"
            style={{ marginBottom: 8 }}
            title={
              <Checkbox
                data-testid="ws-dup-check"
                checked={chosen.has(g.id)}
                onChange={(e) =>
                  setChosen((s) => {
                    const n = new Set(s);
                    if (e.target.checked) n.add(g.id);
                    else n.delete(g.id);
                    return n;
                  })
                }
              >
                #{g.id}{' '}
                {g.reasons.map((r) => (
                  <Tag key={r}>{t(REASON[r]!)}</Tag>
                ))}
              </Checkbox>
            }
          >
            <Radio.Group
              value={keep[String(g.id)] ?? g.keep}
              onChange={(e) => setKeep((k) => ({ ...k, [String(g.id)]: e.target.value as string }))}
            >
              <Space orientation="vertical">
                {g.contacts.map((c) => (
                  <Radio key={c.userid} value={c.userid}>
                    <Space size={6}>
                      <Typography.Text strong>{c.name}</Typography.Text>
                      <Typography.Text type="secondary">
                        {[c.company, c.mobile, c.ownerName ?? c.owner].filter(Boolean).join(' · ')}
                      </Typography.Text>
                      <span className="dt-mono" style={{ color: '#8C8C8C' }}>
                        {c.userid}
                      </span>
                      {(keep[String(g.id)] ?? g.keep) === c.userid && (
                        <Tag color="green">{t('ws.dup.keep')}</Tag>
                      )}
                    </Space>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Card>
        ))}
      </div>
      <PlanDrawer
        plan={plan}
        onClose={() => setPlan(null)}
        onFinished={() => {
          setView(null);
          onChanged();
        }}
      />
    </Space>
  );
}

// Contacts per label and per group, labels in no use, contacts missing a label of a group. A click filters
// the table (label:"Group/Label", group:Group, -group:Group).
import { Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type LabelOverview } from '../../api';
import { useI18n } from '../../i18n';
import { queryTerm } from '../../../../shared/contact-query';
import { ErrorExplain } from '../ErrorExplain';
import { LabelChip } from '../LabelChips';

export function LabelOverviewPanel({
  version,
  onFilter,
}: {
  version: number;
  onFilter: (query: string) => void;
}) {
  const { t } = useI18n();
  const [o, setO] = useState<LabelOverview | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => void api.getLabelOverview().then(setO, setError), [version]);
  if (error) return <ErrorExplain error={error} />;
  if (!o) return <Spin />;
  if (o.groups.length === 0) return <Empty />;
  return (
    <Row gutter={[16, 16]} data-testid="ws-labels">
      {o.groups.map((g) => (
        // Two columns only where a card is wide enough for its group's name beside both counts.
        <Col key={g.name} xs={24} xl={12}>
          <Card
            size="small"
            title={
              <Space>
                <span
                  style={{
                    width: 12,
                    height: 12,
                    borderRadius: 3,
                    background: g.colorHex,
                    display: 'inline-block',
                  }}
                />
                <a onClick={() => onFilter(queryTerm('group', g.name))}>{g.name}</a>
              </Space>
            }
            extra={
              <Space size={4}>
                <Tag>{t('ws.labels.withAny', { count: g.withAny })}</Tag>
                <Tag
                  color={g.missing ? 'warning' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={() => onFilter(queryTerm('group', g.name, true))}
                  data-testid="ws-missing"
                  data-count={g.missing}
                >
                  {t('ws.labels.missing', { count: g.missing })}
                </Tag>
              </Space>
            }
          >
            {g.labels.map((l) => (
              <div
                key={l.id}
                style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '3px 0', cursor: 'pointer' }}
                onClick={() => onFilter(queryTerm('label', `${g.name}/${l.name}`))}
                data-testid="ws-label-row"
                data-count={l.count}
              >
                <LabelChip name={l.name} hex={g.colorHex} />
                <div style={{ flex: 1, height: 6, background: '#F5F5F5', borderRadius: 3 }}>
                  <div
                    style={{
                      width: `${o.total ? (l.count / o.total) * 100 : 0}%`,
                      height: 6,
                      background: g.colorHex,
                      borderRadius: 3,
                    }}
                  />
                </div>
                <Typography.Text style={{ width: 64, textAlign: 'right' }}>{l.count}</Typography.Text>
                {l.count === 0 && <Tag color="default">{t('ws.labels.unused')}</Tag>}
              </div>
            ))}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

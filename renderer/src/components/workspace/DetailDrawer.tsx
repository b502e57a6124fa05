// One contact's fields (keyed by userid by its parent, so its state starts afresh per contact) and the jobs that changed it (from the local index, which every job updates).
import { Descriptions, Drawer, Empty, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type ContactDetail } from '../../api';
import { fieldLabel, useI18n } from '../../i18n';
import { ActionTag } from '../ActionTag';
import { ErrorExplain } from '../ErrorExplain';
import { LabelChip } from '../LabelChips';

interface Props {
  userid: string | null;
  onClose: () => void;
  labelName: Map<number, { name: string; hex: string; group: string }>;
}

export function DetailDrawer({ userid, onClose, labelName }: Props) {
  const { t, lang } = useI18n();
  const [detail, setDetail] = useState<ContactDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (userid) void api.getContactDetail({ userid }).then(setDetail, setError);
  }, [userid]);
  const c = detail?.contact;
  return (
    <Drawer
      open={userid !== null}
      onClose={onClose}
      size="large"
      title={c?.name ?? userid ?? ''}
      data-testid="ws-detail"
    >
      <ErrorExplain error={error} />
      {!detail && !error && <Spin />}
      {c && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={fieldLabel(t, 'user_id')}>
              <span className="dt-mono">{c.userid}</span>
            </Descriptions.Item>
            <Descriptions.Item label={fieldLabel(t, 'mobile')}>
              {[c.stateCode && `+${c.stateCode}`, c.mobile].filter(Boolean).join(' ')}
            </Descriptions.Item>
            <Descriptions.Item label={fieldLabel(t, 'email')}>{c.email}</Descriptions.Item>
            <Descriptions.Item label={fieldLabel(t, 'company_name')}>{c.company}</Descriptions.Item>
            <Descriptions.Item label={fieldLabel(t, 'title')}>{c.title}</Descriptions.Item>
            <Descriptions.Item label={fieldLabel(t, 'address')}>{c.address}</Descriptions.Item>
            <Descriptions.Item label={fieldLabel(t, 'remark')}>{c.remark}</Descriptions.Item>
            <Descriptions.Item label={fieldLabel(t, 'follower_user_id')}>
              <span data-testid="detail-owner">{c.ownerName ?? c.owner}</span>
            </Descriptions.Item>
            <Descriptions.Item label={fieldLabel(t, 'labels')}>
              {c.labels.map((id) => {
                const l = labelName.get(id);
                return <LabelChip key={id} name={l?.name ?? `#${id}`} hex={l?.hex} group={l?.group} />;
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('ws.detail.shared')}>
              {(c.shareUserNames ?? c.shareUsers).map((x, i) => (
                <Tag key={`u${i}`} data-testid="detail-share-user">
                  {x}
                </Tag>
              ))}
              {(c.shareDeptNames ?? c.shareDepts.map(String)).map((x, i) => (
                <Tag key={`d${i}`} color="cyan" data-testid="detail-share-dept">
                  {x}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('ws.detail.history')}
          </Typography.Title>
          {detail.history.length === 0 ? (
            <Empty description={t('ws.detail.noHistory')} />
          ) : (
            <List
              size="small"
              dataSource={detail.history}
              data-testid="ws-history"
              renderItem={(h) => (
                <List.Item data-testid="ws-history-item">
                  <Typography.Text>{new Date(h.at).toLocaleString(lang)}</Typography.Text>
                  <ActionTag action={h.kind} />
                  <span className="dt-mono" style={{ color: '#8C8C8C' }}>
                    {h.jobId}
                  </span>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

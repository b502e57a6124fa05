// Contacts: how many, the label groups in their colours, export (with progress) and the import template.
import { DownloadOutlined, FileExcelOutlined, FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { api, type ExportProgress, type OutputFormat } from '../api';
import { ErrorExplain } from '../components/ErrorExplain';
import { SavedFileNote } from '../components/SavedFileNote';
import { Screen } from '../components/Screen';
import { useAction } from '../lib/useAction';
import { LabelChip } from '../components/LabelChips';
import { RequireConnection } from '../components/RequireConnection';
import { useSaveFile } from '../components/useSaveFile';
import { useI18n, type MessageKey } from '../i18n';
import { useSession } from '../state/session';

const EXPORT_FORMATS: readonly { format: OutputFormat; icon: ReactNode; label: MessageKey }[] = [
  { format: 'xlsx', icon: <FileExcelOutlined />, label: 'contacts.export.xlsx' },
  { format: 'csv', icon: <FileTextOutlined />, label: 'contacts.export.csv' },
];

export function ContactsScreen() {
  return (
    <RequireConnection>
      <Contacts />
    </RequireConnection>
  );
}

function Contacts() {
  const { t } = useI18n();
  const { org, orgError, refreshOrg } = useSession();
  const saveFile = useSaveFile();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const { busy, error, clearError, run } = useAction<OutputFormat | 'template'>();
  const exporting = busy === 'xlsx' || busy === 'csv' ? busy : null;
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => api.on('export:progress', setProgress), []);

  const exportAll = (format: OutputFormat) => {
    setProgress(null);
    return run(format, async () => {
      await saveFile(() => api.exportContacts({ format }), {
        scope: 'contacts-export',
        what: () => t('contacts.export.done', { count: org?.contactCount ?? 0 }),
      });
    });
  };

  const template = () => run('template', () => saveFile(() => api.downloadTemplate()));

  const labelCount = org?.labelGroups.reduce((n, g) => n + g.labels.length, 0) ?? 0;
  const total = progress?.total ?? org?.contactCount ?? null;
  const percent = progress && total ? Math.min(100, Math.round((progress.done / total) * 100)) : 0;

  return (
    <Screen
      title={t('contacts.title')}
      extra={
        <Button
          icon={<ReloadOutlined />}
          loading={refreshing}
          onClick={() => {
            setRefreshing(true);
            void refreshOrg(true).finally(() => setRefreshing(false));
          }}
        >
          {t('common.refresh')}
        </Button>
      }
    >
      <ErrorExplain error={orgError} />

      <Row gutter={16}>
        <Col span={8}>
          <Card>
            <Statistic
              title={t('contacts.count')}
              value={org?.contactCount ?? 0}
              loading={!org}
              valueStyle={{ fontWeight: 600 }}
              data-testid="contacts-count"
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('contacts.groups')} value={org?.labelGroups.length ?? 0} loading={!org} />
          </Card>
        </Col>
        <Col span={8}>
          <Card>
            <Statistic title={t('contacts.labels')} value={labelCount} loading={!org} />
          </Card>
        </Col>
      </Row>

      <Row gutter={16} align="stretch">
        <Col xs={24} lg={15}>
          <Card title={t('contacts.groups')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">{t('contacts.groups.help')}</Typography.Paragraph>
            {!org ? (
              <Skeleton active />
            ) : org.labelGroups.length === 0 ? (
              <Empty />
            ) : (
              <Space orientation="vertical" size={14} style={{ width: '100%' }} data-testid="label-groups">
                {org.labelGroups.map((g) => (
                  <div key={g.name} data-testid="label-group">
                    <Space size={8} style={{ marginBottom: 6 }}>
                      <span
                        aria-hidden
                        style={{
                          width: 12,
                          height: 12,
                          borderRadius: 3,
                          background: g.colorHex,
                          display: 'inline-block',
                        }}
                      />
                      <Typography.Text strong>{g.name}</Typography.Text>
                      <Typography.Text type="secondary" data-testid="label-group-count">
                        {t('contacts.groupLabels', { count: g.labels.length })}
                      </Typography.Text>
                    </Space>
                    <div>
                      {g.labels.map((l) => (
                        <LabelChip key={l.id} name={l.name} hex={g.colorHex} />
                      ))}
                    </div>
                  </div>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('contacts.export')}>
              <Space wrap>
                {EXPORT_FORMATS.map(({ format, icon, label }) => (
                  <Button
                    key={format}
                    type={format === 'xlsx' ? 'primary' : 'default'}
                    icon={icon}
                    loading={exporting === format}
                    disabled={exporting !== null}
                    onClick={() => void exportAll(format)}
                    data-testid={`export-${format}`}
                  >
                    {t(label)}
                  </Button>
                ))}
              </Space>
              {exporting && (
                <div style={{ marginTop: 16 }} data-testid="export-progress">
                  <Progress percent={percent} status="active" />
                  <Typography.Text type="secondary">
                    {t('contacts.export.running', { done: progress?.done ?? 0, total: total ?? '…' })}
                  </Typography.Text>
                </div>
              )}
              {!exporting && (
                <div style={{ marginTop: 16 }}>
                  <SavedFileNote scope="contacts-export" testId="export-saved" />
                </div>
              )}
            </Card>
            <Card title={t('contacts.template')}>
              <Typography.Paragraph type="secondary">{t('contacts.template.help')}</Typography.Paragraph>
              <Button
                icon={<DownloadOutlined />}
                loading={busy === 'template'}
                onClick={() => void template()}
                data-testid="download-template"
              >
                {t('contacts.template')}
              </Button>
            </Card>
            <ErrorExplain error={error} onClose={clearError} />
          </Space>
        </Col>
      </Row>
    </Screen>
  );
}

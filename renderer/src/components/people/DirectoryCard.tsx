// The connection's staff directory on the connection screen: "320 people in 15 departments, read 12
// minutes ago" with a refresh, what has been read while it runs, and the one line saying why a read
// failed (通讯录只读权限, mostly), here or before the screen opened (a dry run, the table's names). Never
// read: says so, with a button to read it.
import {
  CheckCircleFilled,
  ClockCircleOutlined,
  LoadingOutlined,
  ReloadOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { agoText } from '../../lib/age';
import { ErrorExplain } from '../ErrorExplain';
import { useDirectory } from './useDirectory';

const ICON = { fontSize: 16 } as const;

export function DirectoryCard({ version }: { version?: unknown }) {
  const { t, lang } = useI18n();
  const { info, progress, reading, error, clearError, refresh } = useDirectory(version);
  const n = (v: number) => v.toLocaleString(lang);
  const read = info?.readAt ? info : null;
  // The backend's last failed read (wherever it was asked for) until a read succeeds or it is closed here.
  const [closedAt, setClosedAt] = useState<string>();
  const earlier = !reading && info?.lastError && info.lastError.at !== closedAt ? info.lastError : null;
  const closeError = () => {
    clearError();
    setClosedAt(info?.lastError?.at);
  };

  let status;
  if (reading) {
    status = (
      <Space size={8} data-testid="conn-dir-progress">
        <LoadingOutlined style={{ ...ICON, color: '#1677ff' }} />
        <Typography.Text>
          {t('people.dir.reading', {
            staff: n(progress?.staff ?? 0),
            departments: n(progress?.departments ?? 0),
          })}
        </Typography.Text>
      </Space>
    );
  } else if (read) {
    status = (
      <Space size={8}>
        <CheckCircleFilled style={{ ...ICON, color: '#52c41a' }} />
        <Typography.Text data-testid="conn-dir-status" data-read-at={read.readAt}>
          {t('people.dir.summary', {
            staff: n(read.staff),
            departments: n(read.departments),
            age: agoText(t, read.readAt!),
          })}
        </Typography.Text>
      </Space>
    );
  } else {
    status = (
      <Space size={8}>
        <ClockCircleOutlined style={{ ...ICON, color: '#8c8c8c' }} />
        <Typography.Text data-testid="conn-dir-status">{t('people.dir.never')}</Typography.Text>
      </Space>
    );
  }

  return (
    <Card
      size="small"
      data-testid="conn-dir"
      title={
        <Space>
          <TeamOutlined />
          {t('people.dir.title')}
        </Space>
      }
      extra={
        <Button
          size="small"
          type={read ? 'default' : 'primary'}
          icon={<ReloadOutlined />}
          loading={reading}
          onClick={() => void refresh()}
          data-testid="conn-dir-refresh"
        >
          {read ? t('common.refresh') : t('people.dir.readNow')}
        </Button>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {status}
        <Typography.Text type="secondary">{t('people.dir.help')}</Typography.Text>
        <ErrorExplain
          error={error ?? earlier}
          at={error ? undefined : earlier?.at}
          title="people.dir.failed"
          onClose={closeError}
          testId="conn-dir-error"
        />
      </Space>
    </Card>
  );
}

// Sheets opened before (Electron keeps the list; web mode has none): one click re-opens one.
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, List, Typography } from 'antd';
import { api, type FileRef } from '../api';
import { useI18n } from '../i18n';
import { useRemote } from '../lib/useRemote';

export function RecentFiles({ onOpen }: { onOpen: (path: string) => Promise<FileRef | void> }) {
  const { t, lang } = useI18n();
  const { data } = useRemote('recent', () => api.listRecentFiles());
  const files = (data ?? []).filter((f) => f.exists).slice(0, 5);
  if (files.length === 0) return null;
  const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('import.file.recent')}</Typography.Text>}
      dataSource={files}
      data-testid="recent-files"
      renderItem={(f) => (
        <List.Item
          extra={<Typography.Text type="secondary">{fmt.format(new Date(f.openedAt))}</Typography.Text>}
        >
          <Button type="link" icon={<FileExcelOutlined />} onClick={() => void onOpen(f.path)} title={f.path}>
            {f.name}
          </Button>
        </List.Item>
      )}
    />
  );
}

// Automatic updates of the installed desktop app (electron-updater, from the project's releases): off
// unless the admin turns them on here. Web mode shows why it does not apply there.
import { CloudDownloadOutlined } from '@ant-design/icons';
import { App, Card, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useRemote } from '../lib/useRemote';
import { useSession } from '../state/session';

export function UpdateSetting() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { capabilities } = useSession();
  const { data } = useRemote('settings', () => api.getSettings());
  const [edited, setEdited] = useState<boolean | null>(null);
  const desktop = capabilities?.host === 'electron';
  const on = edited ?? data?.autoUpdate ?? false;

  const save = async (next: boolean) => {
    try {
      const saved = await api.updateSettings({ autoUpdate: next });
      setEdited(saved.autoUpdate);
      void message.success(t(saved.autoUpdate ? 'settings.autoUpdate.on' : 'settings.autoUpdate.off'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <CloudDownloadOutlined />
          {t('settings.autoUpdate')}
        </Space>
      }
    >
      <Space align="start" size={12}>
        <Switch
          data-testid="settings-auto-update"
          aria-label={t('settings.autoUpdate')}
          checked={desktop && on}
          disabled={!desktop}
          onChange={(v) => void save(v)}
        />
        <Typography.Text type="secondary">
          {t(desktop ? 'settings.autoUpdate.help' : 'settings.autoUpdate.webOnly')}
        </Typography.Text>
      </Space>
    </Card>
  );
}

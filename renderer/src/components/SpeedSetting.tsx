// The rate dtload sends at (calls per second per endpoint). DingTalk allows ~40/s but ~25/s sustained;
// lower it when other tools share the app's quota.
import { DashboardOutlined } from '@ant-design/icons';
import { App, Card, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useRemote } from '../lib/useRemote';

export function SpeedSetting() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data } = useRemote('settings', () => api.getSettings());
  const [edited, setEdited] = useState<number | null>(null);
  const value = edited ?? data?.maxQps ?? 20;

  const save = async (next: number) => {
    try {
      const saved = await api.updateSettings({ maxQps: next });
      setEdited(saved.maxQps);
      void message.success(t('settings.maxQps.saved', { n: saved.maxQps }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <DashboardOutlined />
          {t('settings.maxQps')}
        </Space>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <InputNumber
          data-testid="settings-max-qps"
          aria-label={t('settings.maxQps')}
          min={1}
          max={40}
          value={value}
          suffix={t('settings.maxQps.unit')}
          onChange={(v) => typeof v === 'number' && setEdited(v)}
          onBlur={() => value !== data?.maxQps && void save(value)}
          onPressEnter={() => void save(value)}
          style={{ width: 180 }}
        />
        <Typography.Text type="secondary">{t('settings.maxQps.help')}</Typography.Text>
      </Space>
    </Card>
  );
}

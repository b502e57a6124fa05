// Web mode: when the socket to dtload drops (server restarted, laptop slept), say so until it is back.
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { api, type LinkState } from '../api';
import { useI18n } from '../i18n';

export function LinkBanner() {
  const { t } = useI18n();
  const [state, setState] = useState<LinkState>('open');
  useEffect(() => api.onLink(setState), []);
  if (state !== 'reconnecting') return null;
  return <Alert banner type="warning" showIcon title={t('link.reconnecting')} data-testid="link-banner" />;
}

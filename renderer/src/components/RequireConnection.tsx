// Screens that talk to DingTalk show a clear way to the connection screen instead of failing calls.
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../state/session';

export function RequireConnection({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session } = useSession();
  if (session) return <>{children}</>;
  return (
    <Result
      status="info"
      title={t('common.notConnected')}
      extra={
        <Button type="primary" href="#/connect" data-testid="go-connect">
          {t('common.goConnect')}
        </Button>
      }
    />
  );
}

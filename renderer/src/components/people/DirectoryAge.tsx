// "通讯录已于 5 分钟前读取 · 刷新": the age of the connection's cached staff directory (names, departments,
// who left) and a refresh, so a colleague who just joined can be picked.
import { Button, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type DirectoryInfo } from '../../api';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { ErrorExplain } from '../ErrorExplain';

const minutesSince = (iso: string): number => Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 60000));

export function DirectoryAge({ version = 0 }: { version?: number }) {
  const { t } = useI18n();
  const [info, setInfo] = useState<DirectoryInfo | null>(null);
  const [, tick] = useState(0);
  const action = useAction<'refresh'>();
  const load = useCallback(() => void api.getDirectoryInfo().then(setInfo, () => setInfo(null)), []);
  useEffect(load, [load, version]);
  useEffect(() => {
    // The directory may be read by other work (the table's names, a dry run, the hand-over): look again
    // (no call to DingTalk), often until it has been read, then to keep the age current.
    const timer = setInterval(
      () => {
        tick((n) => n + 1);
        load();
      },
      info?.readAt ? 30_000 : 3_000,
    );
    return () => clearInterval(timer);
  }, [load, info?.readAt]);
  const age = info?.readAt ? minutesSince(info.readAt) : null;
  const text =
    age === null
      ? t('people.dir.notRead')
      : age < 1
        ? t('people.dir.ageNow')
        : t('people.dir.ageMinutes', { n: age });
  return (
    <span data-testid="dir-age">
      <Tooltip
        title={info?.readAt ? t('people.dir.size', { staff: info.staff, departments: info.departments }) : ''}
      >
        <Typography.Text type="secondary">{text}</Typography.Text>
      </Tooltip>
      <Typography.Text type="secondary"> · </Typography.Text>
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        loading={action.busy === 'refresh'}
        onClick={() => void action.run('refresh', async () => setInfo(await api.refreshDirectory()))}
        data-testid="dir-refresh"
      >
        {t('common.refresh')}
      </Button>
      <ErrorExplain error={action.error} onClose={action.clearError} />
    </span>
  );
}

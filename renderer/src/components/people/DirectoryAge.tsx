// "3 小时前读取通讯录 · 刷新": the age of the connection's cached staff directory (names, departments,
// who left) in lib/age's words, as every age is written, and a refresh, so a colleague who just joined
// can be picked. A read that failed since (the table's names fall back to ids) says so in red, its reason
// and fix in the tooltip.
import { WarningFilled } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { agoText } from '../../lib/age';
import { ErrorExplain } from '../ErrorExplain';
import { useDirectory } from './useDirectory';

export function DirectoryAge({ version = 0 }: { version?: number }) {
  const { t } = useI18n();
  const { info, reading, error, clearError, refresh } = useDirectory(version);
  const text = info?.readAt ? t('people.dir.age', { age: agoText(t, info.readAt) }) : t('people.dir.notRead');
  const failed = !reading && !error ? info?.lastError : undefined;
  return (
    <span data-testid="dir-age" style={{ whiteSpace: 'nowrap' }}>
      <Tooltip
        title={info?.readAt ? t('people.dir.size', { staff: info.staff, departments: info.departments }) : ''}
      >
        <Typography.Text type="secondary">{text}</Typography.Text>
      </Tooltip>
      {failed && (
        <>
          <Typography.Text type="secondary"> · </Typography.Text>
          <Tooltip
            title={
              <>
                <div>{failed.meaning}</div>
                {failed.solution && <div>{failed.solution}</div>}
              </>
            }
          >
            <Typography.Text type="danger" data-testid="dir-failed">
              <WarningFilled /> {t('people.dir.lastFailed', { age: agoText(t, failed.at) })}
            </Typography.Text>
          </Tooltip>
        </>
      )}
      <Typography.Text type="secondary"> · </Typography.Text>
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        loading={reading}
        onClick={() => void refresh()}
        data-testid="dir-refresh"
      >
        {t('common.refresh')}
      </Button>
      <ErrorExplain error={error} onClose={clearError} />
    </span>
  );
}

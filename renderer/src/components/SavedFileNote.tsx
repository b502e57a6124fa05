// Where a screen's last save went (the export's file), kept in the screen after its toast has gone:
// the path to copy in the desktop app, the file's name in the browser's downloads.
import { Alert, Typography } from 'antd';
import { useI18n } from '../i18n';
import { forgetSaved, useLastSaved } from './savedFiles';

export function SavedFileNote({ scope, testId }: { scope: string; testId: string }) {
  const { t, lang } = useI18n();
  const saved = useLastSaved(scope);
  if (!saved) return null;
  const time = new Date(saved.at).toLocaleTimeString(lang, { timeStyle: 'short' });
  // Chinese sentences run on; English ones are spaced.
  const gap = lang === 'zh-CN' ? '' : ' ';
  const where = t(saved.path ? 'common.savedAt' : 'common.downloadedAt', { time });
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose: () => forgetSaved(scope) }}
      data-testid={testId}
      title={
        <span style={{ wordBreak: 'break-all' }}>
          {[saved.what, where, ''].filter((x) => x !== undefined).join(gap)}
          <Typography.Text copyable code>
            {saved.path ?? saved.name}
          </Typography.Text>
        </span>
      }
    />
  );
}

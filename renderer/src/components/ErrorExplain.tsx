// Shows a failure the way the errcode catalogue explains it: what it means, how to fix it, and the code.
import { Alert, Space, Tag, Typography } from 'antd';
import { ApiError, type ErrorInfo } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { agoText } from '../lib/age';

/** Any thrown value → the contract's ErrorInfo (non-API errors become an "internal" one). */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return error.info;
  if (error && typeof error === 'object' && 'meaning' in error && 'solution' in error)
    return error as ErrorInfo;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', meaning: message, solution: '' };
}

interface Props {
  error: unknown;
  title?: MessageKey;
  onClose?: () => void;
  testId?: string;
  /** When it failed (ISO), for a failure remembered from earlier: shown as "3 minutes ago". */
  at?: string;
}

/** Renders nothing while `error` is null or undefined, so callers need no condition around it. */
export function ErrorExplain({
  error,
  title = 'common.error',
  onClose,
  testId = 'error-explain',
  at,
}: Props) {
  const { t } = useI18n();
  if (error === null || error === undefined) return null;
  const info = toErrorInfo(error);
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : undefined}
      data-testid={testId}
      title={
        <Space wrap size={8}>
          <Typography.Text strong>{t(title)}</Typography.Text>
          {at && (
            <Typography.Text type="secondary" data-testid="error-at">
              {agoText(t, at)}
            </Typography.Text>
          )}
          {/* DingTalk's numeric errcode, for support; dtload's own codes ('network'…) are the meaning below. */}
          {typeof info.errcode === 'number' && (
            <Tag color="red" data-testid="errcode">
              {t('common.errcode')} {String(info.errcode)}
            </Tag>
          )}
        </Space>
      }
      description={
        <div>
          <div>
            <Typography.Text type="secondary">{t('common.meaning')}: </Typography.Text>
            {info.meaning}
          </div>
          {info.solution && (
            <div>
              <Typography.Text type="secondary">{t('common.fix')}: </Typography.Text>
              {info.solution}
            </div>
          )}
        </div>
      }
    />
  );
}

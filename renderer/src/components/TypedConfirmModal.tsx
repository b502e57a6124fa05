// A destructive action's last gate: type the number of contacts (or DELETE) to enable the button.
import { Alert, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';

interface Props {
  open: boolean;
  count: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function TypedConfirmModal({ open, count, busy, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === String(count) || typed.trim() === 'DELETE';
  return (
    <Modal
      open={open}
      title={t('delete.confirm.title', { count })}
      okText={t('delete.confirm.button', { count })}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: !matches, 'data-testid': 'delete-confirm-ok' }}
      confirmLoading={busy}
      onOk={onConfirm}
      onCancel={onCancel}
      afterClose={() => setTyped('')}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('delete.confirm.text', { count })}
        </Typography.Paragraph>
        <Alert type="info" showIcon title={t('delete.backupAuto')} />
        <Input
          autoFocus
          data-testid="delete-confirm-input"
          placeholder={t('delete.confirm.placeholder', { count })}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={() => matches && !busy && onConfirm()}
        />
      </Space>
    </Modal>
  );
}

// 交接客户 / Hand over contacts: pick who hands over (a leaver too) and who takes over, optionally the
// contacts shared with them, see how many; the dry run is the same plan drawer as every bulk action.
import { Alert, Checkbox, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, type PlanSummary, type StaffOption } from '../../api';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { ErrorExplain } from '../ErrorExplain';
import { StaffPicker } from './StaffPicker';

interface Props {
  open: boolean;
  onClose: () => void;
  onPlanned: (plan: PlanSummary) => void;
}

export function HandOverDialog({ open, onClose, onPlanned }: Props) {
  const { t } = useI18n();
  const [from, setFrom] = useState<StaffOption | null>(null);
  const [to, setTo] = useState<StaffOption | null>(null);
  const [alsoShares, setAlsoShares] = useState(false);
  const action = useAction<'plan'>();
  const count = from ? from.owned + (alsoShares ? from.shared : 0) : 0;
  const ready = from !== null && to !== null && from.userid !== to.userid && count > 0;

  const close = () => {
    action.clearError();
    onClose();
  };
  const plan = () =>
    action.run('plan', async () => {
      if (!from || !to) return;
      onPlanned(await api.planReassign({ from: from.userid, to: to.userid, alsoShares }));
    });

  return (
    <Modal
      open={open}
      title={t('handover.open')}
      okText={t('ws.action.plan')}
      okButtonProps={{
        disabled: !ready,
        loading: action.busy === 'plan',
        ...({ 'data-testid': 'handover-plan' } as Record<string, string>),
      }}
      onOk={() => void plan()}
      onCancel={close}
      width={640}
      destroyOnHidden
      data-testid="handover"
    >
      <Typography.Paragraph type="secondary">{t('handover.intro')}</Typography.Paragraph>
      <ErrorExplain error={action.error} onClose={action.clearError} />
      <Form layout="vertical">
        <Form.Item label={t('handover.from')}>
          <StaffPicker value={from} onChange={setFrom} includeLeft testId="handover-from" />
        </Form.Item>
        <Form.Item label={t('handover.to')}>
          <StaffPicker value={to} onChange={setTo} testId="handover-to" />
        </Form.Item>
        <Form.Item>
          <Checkbox
            checked={alsoShares}
            onChange={(e) => setAlsoShares(e.target.checked)}
            data-testid="handover-shares"
          >
            {t('handover.alsoShares')}
            {from && from.shared > 0 ? ` (${t('handover.sharedCount', { count: from.shared })})` : ''}
          </Checkbox>
        </Form.Item>
      </Form>
      {from && count === 0 && <Alert type="info" showIcon title={t('handover.none', { from: from.label })} />}
      {from && to && count > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="handover-summary"
          title={t('handover.summary', { count, from: from.label, to: to.label })}
        />
      )}
    </Modal>
  );
}

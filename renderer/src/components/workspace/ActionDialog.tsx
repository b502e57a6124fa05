// One bulk action's form (labels to add or remove, an owner, people or departments to share with, a text
// field's new value, or a delete) → the backend's dry run. People are picked from the staff directory
// (the hand-over's picker) and sent by the name that tells them apart; departments are sent as typed: the
// backend resolves them and answers an unknown one with the closest names.
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import {
  api,
  type ContactEditAction,
  type ContactSelection,
  type EditTextFieldKey,
  type PlanSummary,
  type StaffOption,
} from '../../api';
import { fieldLabel, useI18n, type MessageKey } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useSession } from '../../state/session';
import { ErrorExplain } from '../ErrorExplain';
import { StaffPicker } from '../people/StaffPicker';

export type ActionKind =
  'addLabels' | 'removeLabels' | 'setOwner' | 'share' | 'unshare' | 'setField' | 'delete';

export const ACTION_LABEL: Record<ActionKind, MessageKey> = {
  addLabels: 'ws.action.addLabels',
  removeLabels: 'ws.action.removeLabels',
  setOwner: 'ws.action.setOwner',
  share: 'ws.action.share',
  unshare: 'ws.action.unshare',
  setField: 'ws.action.setField',
  delete: 'ws.action.delete',
};

const FIELDS: readonly EditTextFieldKey[] = ['title', 'company_name', 'address', 'remark'];
const split = (s: string | undefined): string[] =>
  (s ?? '')
    .split(/[,，;；、|\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const labels = (people: StaffOption[] | undefined): string[] => (people ?? []).map((p) => p.label);

interface Props {
  kind: ActionKind | null;
  selection: ContactSelection;
  onClose: () => void;
  onPlanned: (plan: PlanSummary) => void;
}

interface Values {
  labels?: string[];
  person?: StaffOption | null;
  users?: StaffOption[];
  depts?: string;
  field?: EditTextFieldKey;
  value?: string;
}

export function ActionDialog({ kind, selection, onClose, onPlanned }: Props) {
  const { t } = useI18n();
  const { org } = useSession();
  const [form] = Form.useForm<Values>();
  const [field, setField] = useState<EditTextFieldKey>('remark');
  const action = useAction<'plan'>();

  const labelOptions = (org?.labelGroups ?? []).map((g) => ({
    label: g.name,
    options: g.labels.map((l) => ({ label: l.name, value: `${g.name}/${l.name}` })),
  }));

  const toAction = (v: Values): ContactEditAction => {
    switch (kind) {
      case 'addLabels':
        return { addLabels: v.labels ?? [] };
      case 'removeLabels':
        return { removeLabels: v.labels ?? [] };
      case 'setOwner':
        return { setOwner: v.person?.label ?? '' };
      case 'share':
        return { shareWithUsers: labels(v.users), shareWithDepts: split(v.depts) };
      case 'unshare':
        return { unshareUsers: labels(v.users), unshareDepts: split(v.depts) };
      case 'setField':
        return { set: { [field]: v.value ?? '' } };
      default:
        return { delete: true };
    }
  };

  const submit = () =>
    action.run('plan', async () => {
      const v = await form.validateFields();
      onPlanned(await api.planContactEdit({ selection, action: toAction(v) }));
      form.resetFields();
    });

  return (
    <Modal
      open={kind !== null}
      title={kind ? t(ACTION_LABEL[kind]) : ''}
      okText={t('ws.action.plan')}
      okButtonProps={{
        danger: kind === 'delete',
        loading: action.busy === 'plan',
        ...({ 'data-testid': 'ws-action-plan' } as Record<string, string>),
      }}
      onOk={() => void submit()}
      onCancel={() => {
        action.clearError();
        onClose();
      }}
      destroyOnHidden
      data-testid="ws-action"
    >
      <ErrorExplain error={action.error} onClose={action.clearError} />
      <Form form={form} layout="vertical" preserve={false}>
        {(kind === 'addLabels' || kind === 'removeLabels') && (
          <Form.Item name="labels" label={t('ws.form.labels')} rules={[{ required: true }]}>
            <Select mode="multiple" options={labelOptions} showSearch data-testid="ws-action-labels" />
          </Form.Item>
        )}
        {kind === 'setOwner' && (
          <Form.Item name="person" label={t('ws.form.person')} rules={[{ required: true }]}>
            <StaffPicker testId="ws-action-person" />
          </Form.Item>
        )}
        {(kind === 'share' || kind === 'unshare') && (
          <>
            <Form.Item name="users" label={t('ws.form.users')}>
              <StaffPicker multiple testId="ws-action-users" />
            </Form.Item>
            <Form.Item name="depts" label={t('ws.form.depts')}>
              <Input data-testid="ws-action-depts" />
            </Form.Item>
          </>
        )}
        {kind === 'setField' && (
          <>
            <Form.Item label={t('ws.form.field')}>
              <Select
                value={field}
                onChange={setField}
                options={FIELDS.map((f) => ({ value: f, label: fieldLabel(t, f) }))}
                data-testid="ws-action-field"
              />
            </Form.Item>
            <Form.Item name="value" label={t('ws.form.value')}>
              <Input data-testid="ws-action-value" />
            </Form.Item>
          </>
        )}
        {kind === 'delete' && <Alert type="warning" showIcon title={t('ws.form.deleteNote')} />}
      </Form>
    </Modal>
  );
}

// A staff member picked by searching (name, department, mobile or userid): each option shows the
// person's departments and how many contacts they own, so two 张伟 can be told apart. Leavers (found only
// on contacts) are offered when `includeLeft`.
import { Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type StaffOption } from '../../api';
import { useI18n } from '../../i18n';

interface Props {
  value: StaffOption | null;
  onChange: (v: StaffOption | null) => void;
  includeLeft?: boolean;
  testId: string;
}

/**
 * Searches as the admin types, the last answer wins. Only the answer for the text now in the box is
 * offered: while it is on its way the list is empty (loading), never an older list that the answer would
 * then replace under the pointer (a click mid-swap picked nobody, or whoever took that row).
 */
function useStaffSearch(text: string, includeLeft: boolean): { options: StaffOption[]; loading: boolean } {
  const [answer, setAnswer] = useState<{ key: string; options: StaffOption[] } | null>(null);
  const key = `${includeLeft ? 1 : 0}:${text}`;
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api
        .searchStaff({ text, includeLeft, limit: 30 })
        .then((options) => live && setAnswer({ key, options }))
        .catch(() => live && setAnswer({ key, options: [] }));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, text, includeLeft]);
  const current = answer?.key === key;
  return { options: current ? answer.options : [], loading: !current };
}

export function StaffLine({ o }: { o: StaffOption }) {
  const { t } = useI18n();
  return (
    <Space size={6} wrap={false} style={{ maxWidth: '100%' }}>
      <Typography.Text strong>{o.name}</Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
        {o.left ? t('handover.notStaff') : o.departments.join(' · ')}
      </Typography.Text>
      {o.left && <Tag color="orange">{t('handover.left')}</Tag>}
      <Tag>{t('handover.owned', { count: o.owned })}</Tag>
    </Space>
  );
}

export function StaffPicker({ value, onChange, includeLeft = false, testId }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { options, loading } = useStaffSearch(text, includeLeft);
  const byId = new Map(options.map((o) => [o.userid, o]));
  if (value) byId.set(value.userid, value);
  return (
    <Select
      data-testid={testId}
      style={{ width: '100%' }}
      placeholder={t('handover.search')}
      allowClear
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      value={value?.userid ?? null}
      showSearch={{ filterOption: false, onSearch: setText }}
      onChange={(id: string | undefined) => onChange(id ? (byId.get(id) ?? null) : null)}
      options={options.map((o) => ({ value: o.userid, label: <StaffLine o={o} />, title: o.label }))}
      labelRender={() => (value ? <StaffLine o={value} /> : null)}
      optionRender={(opt) => {
        const o = byId.get(String(opt.value));
        return o ? <StaffLine o={o} /> : opt.label;
      }}
    />
  );
}

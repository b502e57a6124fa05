// A staff member (or, `multiple`, several) picked by searching (name, department, mobile or userid): each
// option shows the person's departments and how many contacts they own, so two 张伟 can be told apart.
// Leavers (found only on contacts) are offered when `includeLeft`. Works as a Form.Item's control too.
import { Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type StaffOption } from '../../api';
import { useI18n } from '../../i18n';

interface Common {
  includeLeft?: boolean;
  testId: string;
}
interface One extends Common {
  multiple?: false;
  value?: StaffOption | null;
  onChange?: (v: StaffOption | null) => void;
}
interface Many extends Common {
  multiple: true;
  value?: StaffOption[];
  onChange?: (v: StaffOption[]) => void;
}
type Props = One | Many;

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

export function StaffPicker(props: Props) {
  const { includeLeft = false, testId } = props;
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { options, loading } = useStaffSearch(text, includeLeft);
  const picked = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const byId = new Map(options.map((o) => [o.userid, o]));
  for (const o of picked) byId.set(o.userid, o);
  const pick = (ids: string | string[] | undefined) => {
    const chosen = [ids ?? []].flat().flatMap((id) => byId.get(id) ?? []);
    if (props.multiple) props.onChange?.(chosen);
    else props.onChange?.(chosen[0] ?? null);
  };
  return (
    <Select
      data-testid={testId}
      style={{ width: '100%' }}
      placeholder={t('handover.search')}
      allowClear
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      {...(props.multiple
        ? { mode: 'multiple' as const, value: picked.map((o) => o.userid) }
        : { value: props.value?.userid ?? null })}
      showSearch={{ filterOption: false, onSearch: setText }}
      onChange={pick}
      options={options.map((o) => ({ value: o.userid, label: <StaffLine o={o} />, title: o.label }))}
      // A chosen person: the whole line alone in the box, the name that tells them apart as a tag.
      labelRender={(item) => {
        const o = byId.get(String(item.value));
        if (!o) return null;
        return props.multiple ? o.label : <StaffLine o={o} />;
      }}
      optionRender={(opt) => {
        const o = byId.get(String(opt.value));
        return o ? <StaffLine o={o} /> : opt.label;
      }}
    />
  );
}

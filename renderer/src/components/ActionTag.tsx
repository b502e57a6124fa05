import { Tag } from 'antd';
import type { RowAction } from '../../../shared/domain';
import { useI18n } from '../i18n';

const COLOURS: Record<RowAction, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  unchanged: 'default',
  invalid: 'orange',
};

export function ActionTag({ action }: { action: RowAction }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOURS[action]} data-testid={`action-${action}`} style={{ marginInlineEnd: 0 }}>
      {t(`import.action.${action}`)}
    </Tag>
  );
}

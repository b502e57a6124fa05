// Pick the sheet and the header row, with a preview of the first rows.
import { Alert, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { SheetPreview } from '../../api';
import { useI18n } from '../../i18n';

interface Props {
  preview: SheetPreview;
  loading: boolean;
  onChange: (sheet: string, headerRow: number) => void;
}

type PreviewRow = { row: number; cells: string[] };

export function SheetStep({ preview, loading, onChange }: Props) {
  const { t } = useI18n();
  const columns = useMemo(
    () => [
      { title: '#', dataIndex: 'row', width: 56, fixed: 'left' as const },
      ...preview.headers.map((h, i) => ({
        title: h || <Typography.Text type="secondary">{String.fromCharCode(65 + (i % 26))}</Typography.Text>,
        key: String(i),
        width: 160,
        ellipsis: true,
        render: (_: unknown, r: PreviewRow) => r.cells[i] ?? '',
      })),
    ],
    [preview.headers],
  );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('import.sheet.label')}>
          <Select
            data-testid="sheet-select"
            style={{ minWidth: 200 }}
            value={preview.sheet}
            options={preview.sheets.map((s) => ({ value: s, label: s }))}
            onChange={(s) => onChange(s, 0)}
          />
        </Form.Item>
        <Form.Item label={t('import.sheet.headerRow')}>
          <InputNumber
            data-testid="header-row"
            min={1}
            value={preview.headerRow}
            onChange={(v) => typeof v === 'number' && onChange(preview.sheet, v)}
          />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('import.sheet.headerRow.help')} />
      <div>
        <Typography.Text strong>{t('import.sheet.preview')}</Typography.Text>
        <Table<PreviewRow>
          data-testid="sheet-preview"
          style={{ marginTop: 8 }}
          size="small"
          bordered
          loading={loading}
          rowKey="row"
          columns={columns}
          dataSource={preview.rows}
          pagination={false}
          rowClassName={(r) =>
            r.row === preview.headerRow ? 'dt-header-row' : r.row < preview.headerRow ? 'dt-above-header' : ''
          }
          scroll={{ x: 56 + preview.headers.length * 160, y: 300 }}
          onRow={(r) => ({
            onClick: () => onChange(preview.sheet, r.row),
            style: { cursor: 'pointer' },
            title: t('import.sheet.headerRow.help'),
          })}
        />
      </div>
    </Space>
  );
}

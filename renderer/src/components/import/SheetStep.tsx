// Pick the sheet and the header row, with a preview of the first rows.
import { Alert, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { SheetPreview } from '../../api';
import { useI18n } from '../../i18n';

interface Props {
  preview: SheetPreview;
  loading: boolean;
  onChange: (sheet: string, headerRow: number, encoding?: string) => void;
}

/** The encodings offered for a CSV (others: `dtload import --encoding NAME`). */
const ENCODINGS: { value: string; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'gb18030', label: 'GB18030 / GBK' },
  { value: 'big5', label: 'Big5' },
  { value: 'shift_jis', label: 'Shift_JIS' },
  { value: 'euc-kr', label: 'EUC-KR' },
  { value: 'windows-1252', label: 'Windows-1252' },
  { value: 'iso-8859-15', label: 'ISO-8859-15' },
  { value: 'windows-1250', label: 'Windows-1250' },
  { value: 'windows-1251', label: 'Windows-1251' },
  { value: 'utf-16le', label: 'UTF-16LE' },
  { value: 'utf-16be', label: 'UTF-16BE' },
];

type PreviewRow = { row: number; cells: string[] };

function encodingOptions(
  preview: SheetPreview,
  t: ReturnType<typeof useI18n>['t'],
): { value: string; label: string }[] {
  const current = preview.encoding!;
  const name = (v: string): string => ENCODINGS.find((e) => e.value === v)?.label ?? v;
  const how =
    preview.encodingSource === 'detected' || preview.encodingSource === 'utf-8'
      ? 'import.sheet.encoding.detected'
      : preview.encodingSource === 'bom'
        ? 'import.sheet.encoding.bom'
        : undefined;
  const options = ENCODINGS.filter(
    (e) => e.value !== current && !(current === 'utf-8-bom' && e.value === 'utf-8'),
  );
  return [{ value: current, label: how ? t(how, { encoding: name(current) }) : name(current) }, ...options];
}

export function SheetStep({ preview, loading, onChange }: Props) {
  const { t } = useI18n();
  // Only an encoding the admin chose is sent back; a detected one is detected again (with its notes).
  const chosen = preview.encodingSource === 'given' ? preview.encoding : undefined;
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
            onChange={(v) => typeof v === 'number' && onChange(preview.sheet, v, chosen)}
          />
        </Form.Item>
        {preview.encoding && (
          <Form.Item label={t('import.sheet.encoding')}>
            <Select
              data-testid="encoding-select"
              style={{ minWidth: 220 }}
              value={preview.encoding}
              options={encodingOptions(preview, t)}
              onChange={(e) => onChange(preview.sheet, 0, e)}
            />
          </Form.Item>
        )}
      </Form>
      {(preview.notes ?? []).map((n) => (
        <Alert key={n} type="warning" showIcon data-testid="sheet-note" title={n} />
      ))}
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
            onClick: () => onChange(preview.sheet, r.row, chosen),
            style: { cursor: 'pointer' },
            title: t('import.sheet.headerRow.help'),
          })}
        />
      </div>
    </Space>
  );
}

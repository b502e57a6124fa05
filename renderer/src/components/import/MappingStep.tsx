// Column → field mapping (auto-mapped, editable), save/load a mapping file, and the import options.
import { FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import {
  api,
  type ImportOptions,
  type MappingFile,
  type MappingTarget,
  type MappingView,
  type SheetPreview,
} from '../../api';
import { fieldLabel, useI18n, type MessageKey } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { ErrorExplain } from '../ErrorExplain';
import { useSaveFile } from '../useSaveFile';

interface Props {
  preview: SheetPreview;
  auto: MappingView;
  mapping: MappingFile;
  onMapping: (m: MappingFile) => void;
  options: ImportOptions;
  onOptions: (o: ImportOptions) => void;
}

/** The option groups the admin picks one value of, each value with its message. */
type Choice = 'match' | 'labels' | 'blank';
const CHOICE_NAMES: readonly Choice[] = ['match', 'labels', 'blank'];
const CHOICES: { readonly [K in Choice]: readonly { value: ImportOptions[K]; label: MessageKey }[] } = {
  match: [
    { value: 'user_id', label: 'import.options.match.user_id' },
    { value: 'mobile', label: 'import.options.match.mobile' },
  ],
  labels: [
    { value: 'replace', label: 'import.options.labels.replace' },
    { value: 'add', label: 'import.options.labels.add' },
    { value: 'remove', label: 'import.options.labels.remove' },
  ],
  blank: [
    { value: 'keep', label: 'import.options.blank.keep' },
    { value: 'clear', label: 'import.options.blank.clear' },
  ],
};

interface MappingRow {
  header: string;
  index: number;
  sample: string;
}

/** Is some column mapped to the field contacts are matched by? */
export function hasMatchKey(mapping: MappingFile, options: ImportOptions): boolean {
  return Object.values(mapping).includes(options.match);
}

/** The Select's value for a target: the same stable key the contract's TargetOption carries. */
export function targetKey(target: MappingTarget | undefined): string {
  if (target === undefined) return 'ignore';
  return typeof target === 'string' ? target : `group:${target.group}`;
}

export function MappingStep({ preview, auto, mapping, onMapping, options, onOptions }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const saveFile = useSaveFile();
  const { error, clearError, run } = useAction<'save' | 'load'>();

  const rows = useMemo<MappingRow[]>(
    () =>
      preview.headers.map((header, index) => ({
        header,
        index,
        sample:
          preview.rows
            .filter((r) => r.row > preview.headerRow)
            .map((r) => r.cells[index] ?? '')
            .find((c) => c.trim() !== '') ?? '',
      })),
    [preview],
  );

  const selectOptions = useMemo(() => {
    const kinds = [
      { kind: 'field', label: t('import.mapping.field') },
      { kind: 'labels', label: t('contacts.labels') },
      { kind: 'label-group', label: t('contacts.groups') },
    ] as const;
    return [
      { value: 'ignore', label: t('import.mapping.ignore') },
      ...kinds
        .map((k) => ({
          label: k.label,
          options: auto.targets
            .filter((x) => x.kind === k.kind)
            .map((x) => {
              const name = fieldLabel(t, x.key);
              return {
                value: x.key,
                // A group's name already says which group: no key beside it.
                label: <TargetLabel name={name} fieldKey={x.kind === 'label-group' ? undefined : x.key} />,
                // Typed search finds a target by either name: "公司" and "company" both reach company_name.
                search: `${name} ${x.key}`.toLowerCase(),
              };
            }),
        }))
        .filter((g) => g.options.length > 0),
    ];
  }, [auto.targets, t]);

  const columns = [
    { title: t('import.mapping.column'), dataIndex: 'header', width: 180, render: (h: string) => <b>{h}</b> },
    {
      title: t('import.mapping.sample'),
      dataIndex: 'sample',
      width: 200,
      ellipsis: true,
      render: (s: string) => <Typography.Text type="secondary">{s || '—'}</Typography.Text>,
    },
    {
      title: t('import.mapping.field'),
      key: 'target',
      render: (_: unknown, r: MappingRow) => {
        const value = targetKey(mapping[r.header]);
        const isAuto = value !== 'ignore' && targetKey(auto.mapping[r.header]) === value;
        const column = auto.result.columns.find((c) => c.index === r.index);
        // An unrecognised header: offer the close matches the backend found, one click each.
        const suggestions =
          value === 'ignore' && column?.source === 'unrecognised'
            ? (column.suggestions ?? [])
                .map((sug) => auto.targets.find((x) => x.key === sug || x.key === `group:${sug}`))
                .filter((x) => x !== undefined)
            : [];
        return (
          // Tags wrap under the Select on a narrow window instead of running out of the card.
          <Space wrap size={8}>
            <Select
              data-testid={`map-${r.header}`}
              aria-label={r.header}
              style={{ width: 260 }}
              popupMatchSelectWidth={340}
              showSearch={{
                filterOption: (input, option) =>
                  option !== undefined &&
                  'search' in option &&
                  String(option.search).includes(input.trim().toLowerCase()),
              }}
              value={value}
              options={selectOptions}
              onChange={(key: string) => {
                const target = auto.targets.find((x) => x.key === key)?.target ?? 'ignore';
                onMapping({ ...mapping, [r.header]: target });
              }}
            />
            {isAuto && <Tag color="blue">{t('import.mapping.auto')}</Tag>}
            {column?.source === 'unrecognised' && value === 'ignore' && (
              <Tag color="orange">{t('import.mapping.unrecognised')}</Tag>
            )}
            {suggestions.length > 0 && (
              // Each close match is a button: one click maps the column to it.
              <Space size={4} wrap>
                <Typography.Text type="secondary">{t('import.mapping.didYouMean')}</Typography.Text>
                {suggestions.map((x) => (
                  <Button
                    key={x.key}
                    size="small"
                    type="dashed"
                    data-testid={`suggest-${r.header}`}
                    onClick={() => onMapping({ ...mapping, [r.header]: x.target })}
                  >
                    {fieldLabel(t, x.key)}
                  </Button>
                ))}
              </Space>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('import.step.mapping')}
        extra={
          <Space>
            <Button
              size="small"
              icon={<SaveOutlined />}
              data-testid="mapping-save"
              onClick={() =>
                void run('save', async () => {
                  if ((await saveFile(() => api.saveMapping({ mapping }))) !== null)
                    void message.success(t('import.mapping.saved'));
                })
              }
            >
              {t('import.mapping.save')}
            </Button>
            <Button
              size="small"
              icon={<FolderOpenOutlined />}
              data-testid="mapping-load"
              onClick={() =>
                void run('load', async () => {
                  const file = await api.openFileDialog({ purpose: 'mapping' });
                  if (!file) return;
                  const loaded = await api.loadMapping({ fileId: file.fileId });
                  const next = { ...mapping };
                  for (const h of preview.headers) {
                    const target = loaded[h];
                    if (target !== undefined) next[h] = target;
                  }
                  onMapping(next);
                  void message.success(t('import.mapping.loaded'));
                })
              }
            >
              {t('import.mapping.load')}
            </Button>
          </Space>
        }
      >
        <Table<MappingRow>
          data-testid="mapping-table"
          size="small"
          rowKey="index"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 720, y: 330 }}
        />
      </Card>
      {!hasMatchKey(mapping, options) &&
        (options.match === 'user_id' && Object.values(mapping).includes('mobile') ? (
          // The admin's own list has mobiles but no contact IDs: finding by mobile is one click away.
          <Alert
            type="warning"
            showIcon
            data-testid="mapping-need-key"
            title={t('import.mapping.matchByMobile')}
            action={
              <Button
                size="small"
                data-testid="match-by-mobile"
                onClick={() => onOptions({ ...options, match: 'mobile' })}
              >
                {t('import.mapping.matchByMobileAction')}
              </Button>
            }
          />
        ) : (
          <Alert type="warning" showIcon data-testid="mapping-need-key" title={t('import.mapping.needKey')} />
        ))}
      {/* Mapping warnings come from the backend already in the UI language. */}
      {auto.result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="mapping-warnings"
          title={t('import.mapping.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {auto.result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <ErrorExplain error={error} onClose={clearError} />
      <Card size="small" title={t('import.options')}>
        <Form layout="horizontal" labelCol={{ span: 6 }} wrapperCol={{ span: 18 }} style={{ maxWidth: 1040 }}>
          {CHOICE_NAMES.map((name) => (
            <Form.Item key={name} label={t(`import.options.${name}`)} style={{ marginBottom: 8 }}>
              <Radio.Group
                value={options[name]}
                onChange={(e) => onOptions({ ...options, [name]: e.target.value as string })}
                options={CHOICES[name].map((c) => ({ value: c.value, label: t(c.label) }))}
              />
            </Form.Item>
          ))}
          <Form.Item wrapperCol={{ offset: 6 }} style={{ marginBottom: 0 }}>
            <Checkbox
              checked={options.create}
              onChange={(e) => onOptions({ ...options, create: e.target.checked })}
              data-testid="option-create"
            >
              {t('import.options.create')}
            </Checkbox>
          </Form.Item>
        </Form>
      </Card>
    </Space>
  );
}

/** A target as the admin reads it, with the key a mapping file or the CLI uses beside it. */
function TargetLabel({ name, fieldKey }: { name: string; fieldKey?: string }) {
  if (fieldKey === undefined || name === fieldKey) return <>{name}</>;
  return (
    <span>
      {name}
      <Typography.Text type="secondary" className="dt-mono">
        {' · '}
        {fieldKey}
      </Typography.Text>
    </span>
  );
}

// The import wizard: file → sheet → columns → check → dry-run diff → apply → report.
import { Alert, App, Button, Card, Space, Spin, Steps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  api,
  type ImportOptions,
  type MappingFile,
  type MappingView,
  type PlanSummary,
  type SheetPreview,
} from '../api';
import { ErrorExplain } from '../components/ErrorExplain';
import { Screen } from '../components/Screen';
import { FilePicker } from '../components/FilePicker';
import { JobRun } from '../components/JobRun';
import { countFor, PlanRowsTable } from '../components/PlanRowsTable';
import { PlanProgressBar } from '../components/PlanProgressBar';
import { RequireConnection } from '../components/RequireConnection';
import { MappingStep, hasMatchKey } from '../components/import/MappingStep';
import { SheetStep } from '../components/import/SheetStep';
import { useI18n, type MessageKey } from '../i18n';
import { useAction } from '../lib/useAction';
import { useStepFocus } from '../lib/useStepFocus';
import { useSession } from '../state/session';

const STEPS = ['file', 'sheet', 'mapping', 'validate', 'diff', 'apply', 'report'] as const;
type Step = (typeof STEPS)[number];

const DEFAULT_OPTIONS: ImportOptions = { match: 'user_id', labels: 'replace', blank: 'keep', create: false };

export function ImportScreen() {
  return (
    <RequireConnection>
      <ImportWizard />
    </RequireConnection>
  );
}

function ImportWizard() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [step, setStep] = useState<Step>('file');
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [auto, setAuto] = useState<MappingView | null>(null);
  const [mapping, setMapping] = useState<MappingFile>({});
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  // What is running, named by the message the spinner shows.
  const { busy, error, clearError, run } = useAction<MessageKey>();

  const reset = () => {
    setStep('file');
    setPreview(null);
    setAuto(null);
    setMapping({});
    setPlan(null);
    setJobId(null);
    clearError();
  };

  const openSheet = (fileId: string, sheet?: string, headerRow?: number, encoding?: string) =>
    run('common.loading', async () => {
      const p = await api.openSheet({ fileId, sheet, headerRow: headerRow || undefined, encoding });
      setPreview(p);
      setAuto(null);
      setStep('sheet');
    });

  const toMapping = () =>
    run('common.loading', async () => {
      if (!preview) return;
      const m = await api.autoMap({
        fileId: preview.file.fileId,
        sheet: preview.sheet,
        headerRow: preview.headerRow,
        encoding: preview.encodingSource === 'given' ? preview.encoding : undefined,
      });
      setAuto(m);
      setMapping(m.mapping);
      setStep('mapping');
    });

  const buildPlan = () =>
    run('import.plan.build', async () => {
      if (!preview) return;
      const summary = await api.planImport({
        fileId: preview.file.fileId,
        sheet: preview.sheet,
        headerRow: preview.headerRow,
        encoding: preview.encodingSource === 'given' ? preview.encoding : undefined,
        mapping,
        options,
      });
      setPlan(summary);
      setStep('validate');
    });

  const changes = plan ? countFor('changed', plan.counts) : 0;

  // One confirmation at a time: a double Enter or click on "Apply" must not stack a second dialog over the
  // first (its dry run would already be taken by the first one's job).
  const confirming = useRef(false);
  const apply = () => {
    if (confirming.current) return;
    confirming.current = true;
    modal.confirm({
      title: t('import.diff.confirm.title', { count: changes }),
      content: t('import.diff.confirm.text'),
      okText: t('import.diff.apply', { count: changes }),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'apply-confirm' },
      onOk: () =>
        run('common.loading', async () => {
          if (!plan) return;
          const res = await api.applyPlan({ planId: plan.planId });
          setJobId(res.jobId);
          setStep('apply');
        }),
      afterClose: () => {
        confirming.current = false;
      },
    });
  };

  // A sheet opened from the OS (open with…, dock drop) starts the wizard over with that file.
  const { openedFile, takeOpenedFile } = useSession();
  const openSheetRef = useRef(openSheet);
  useEffect(() => {
    openSheetRef.current = openSheet;
  });
  useEffect(() => {
    if (!openedFile) return;
    const file = takeOpenedFile();
    if (file) queueMicrotask(() => void openSheetRef.current(file.fileId));
  }, [openedFile, takeOpenedFile]);

  const stepIndex = STEPS.indexOf(step);
  const stepRef = useStepFocus<HTMLDivElement>(step);
  return (
    <Screen title={t('import.title')}>
      <Steps
        size="small"
        current={stepIndex}
        data-testid="import-steps"
        items={STEPS.map((s) => ({ title: t(`import.step.${s}`) }))}
      />
      <ErrorExplain error={error} onClose={clearError} />
      {busy === 'import.plan.build' && preview && (
        <Card>
          <PlanProgressBar fileId={preview.file.fileId} />
        </Card>
      )}
      <Spin spinning={busy !== null && busy !== 'import.plan.build'} description={busy ? t(busy) : undefined}>
        {/* Focus lands here on each new step, so Tab goes on into the step, not back through the menu. */}
        <div ref={stepRef} tabIndex={-1} className="dt-focus-target" aria-label={t(`import.step.${step}`)}>
          {step === 'file' && (
            <Card>
              <FilePicker onPicked={(f) => openSheet(f.fileId)} />
            </Card>
          )}

          {step === 'sheet' && preview && (
            <Card
              title={preview.file.name}
              actions={[
                <WizardNav
                  key="nav"
                  onBack={reset}
                  onNext={() => void toMapping()}
                  nextTestId="sheet-next"
                />,
              ]}
            >
              <SheetStep
                preview={preview}
                loading={busy !== null}
                onChange={(sheet, headerRow, encoding) =>
                  void openSheet(preview.file.fileId, sheet, headerRow, encoding)
                }
              />
            </Card>
          )}

          {step === 'mapping' && preview && auto && busy !== 'import.plan.build' && (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <MappingStep
                preview={preview}
                auto={auto}
                mapping={mapping}
                onMapping={setMapping}
                options={options}
                onOptions={setOptions}
              />
              <Card size="small">
                <WizardNav
                  onBack={() => setStep('sheet')}
                  onNext={() => void buildPlan()}
                  nextLabel="import.plan.build"
                  nextDisabled={!hasMatchKey(mapping, options)}
                  nextTestId="mapping-next"
                />
              </Card>
            </Space>
          )}

          {step === 'validate' && plan && (
            <Card
              actions={[
                <WizardNav
                  key="nav"
                  onBack={() => setStep('mapping')}
                  onNext={() => setStep('diff')}
                  nextTestId="validate-next"
                />,
              ]}
            >
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                {plan.counts.invalid === 0 ? (
                  <Alert
                    type="success"
                    showIcon
                    data-testid="validate-summary"
                    title={t('import.validate.allValid', { count: plan.counts.rows })}
                  />
                ) : (
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="validate-summary"
                    title={t('import.validate.someInvalid', {
                      invalid: plan.counts.invalid,
                      count: plan.counts.rows,
                    })}
                  />
                )}
                {plan.mappingWarnings.length > 0 && (
                  <Alert type="warning" showIcon title={plan.mappingWarnings.join(' · ')} />
                )}
                {plan.ignoredColumns.length > 0 && (
                  <Alert
                    type="info"
                    showIcon
                    title={`${t('import.mapping.ignore')}: ${plan.ignoredColumns.join(', ')}`}
                  />
                )}
                <PlanRowsTable
                  planId={plan.planId}
                  counts={plan.counts}
                  filters={['invalid', 'all']}
                  initialFilter={plan.counts.invalid > 0 ? 'invalid' : 'all'}
                  view="validate"
                  height={340}
                />
              </Space>
            </Card>
          )}

          {step === 'diff' && plan && (
            <Card
              actions={[
                <WizardNav
                  key="nav"
                  onBack={() => setStep('validate')}
                  onNext={apply}
                  nextLabel="import.diff.apply"
                  nextVars={{ count: changes }}
                  nextDisabled={changes === 0}
                  nextTestId="diff-apply"
                />,
              ]}
            >
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <Alert
                  type="info"
                  showIcon
                  title={t('import.diff.summary')}
                  description={changes === 0 ? t('import.diff.nothing') : undefined}
                />
                <PlanRowsTable
                  planId={plan.planId}
                  counts={{ ...plan.counts, warnings: plan.warnings }}
                  filters={[
                    'changed',
                    'unchanged',
                    'invalid',
                    'create',
                    'delete',
                    ...(plan.warnings > 0 ? (['warnings'] as const) : []),
                    'all',
                  ]}
                  initialFilter="changed"
                  view="diff"
                  height={360}
                />
              </Space>
            </Card>
          )}

          {(step === 'apply' || step === 'report') && jobId && (
            <JobRun
              key={jobId}
              jobId={jobId}
              onFinished={() => setStep('report')}
              onRetry={() => setStep('apply')}
              extra={
                <Button onClick={reset} data-testid="new-import">
                  {t('report.newImport')}
                </Button>
              }
            />
          )}
        </div>
      </Spin>
    </Screen>
  );
}

interface NavProps {
  onBack: () => void;
  onNext: () => void;
  nextLabel?: MessageKey;
  nextVars?: Record<string, number | string>;
  nextDisabled?: boolean;
  nextTestId: string;
}

function WizardNav({
  onBack,
  onNext,
  nextLabel = 'common.next',
  nextVars,
  nextDisabled,
  nextTestId,
}: NavProps) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', padding: '0 24px' }}>
      <Button onClick={onBack} data-testid="wizard-back">
        {t('common.back')}
      </Button>
      <Button type="primary" onClick={onNext} disabled={nextDisabled} data-testid={nextTestId}>
        {t(nextLabel, nextVars)}
      </Button>
    </div>
  );
}

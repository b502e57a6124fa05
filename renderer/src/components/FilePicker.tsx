// Pick a spreadsheet: click for the host's open dialog (native in Electron, a file input in the browser) or drop one.
import { InboxOutlined } from '@ant-design/icons';
import { Spin, Typography, Upload } from 'antd';
import { api, type FileRef } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../lib/useAction';
import { ErrorExplain } from './ErrorExplain';
import { RecentFiles } from './RecentFiles';

interface Props {
  onPicked: (file: FileRef) => void | Promise<void>;
  testId?: string;
}

export function FilePicker({ onPicked, testId = 'file-drop' }: Props) {
  const { t } = useI18n();
  // Busy with the file named by `busy` (the spinner says which).
  const { busy, error, clearError, run: act } = useAction<string>();

  const run = (name: string, get: () => Promise<FileRef | null>) =>
    act(name, async () => {
      const file = await get();
      if (file) await onPicked(file);
    });

  return (
    <div>
      <Spin
        spinning={busy !== null}
        description={busy ? t('import.file.reading', { name: busy }) : undefined}
      >
        {/* The Dragger's own role=button span takes focus; its Enter/click bubble up to here. */}
        <div
          data-testid={testId}
          onClick={() => void run('…', () => api.openFileDialog({ purpose: 'sheet' }))}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              void run('…', () => api.openFileDialog({ purpose: 'sheet' }));
            }
          }}
        >
          <Upload.Dragger
            accept=".xlsx,.xlsm,.csv,.txt,.xls,.et,.ods,.xlsb,.numbers"
            multiple={false}
            showUploadList={false}
            openFileDialogOnClick={false}
            beforeUpload={(file) => {
              void run(file.name, async () =>
                api.uploadFile({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) }),
              );
              return false;
            }}
            style={{ padding: '24px 0' }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.file.drop')}</p>
            <Typography.Paragraph type="secondary" style={{ maxWidth: 520, margin: '0 auto' }}>
              {t('import.file.hint')}
            </Typography.Paragraph>
          </Upload.Dragger>
        </div>
      </Spin>
      <RecentFiles
        onOpen={(path) => run(path.split(/[\\/]/).pop() ?? path, () => api.openRecentFile({ path }))}
      />
      {error !== null && (
        <div style={{ marginTop: 16 }}>
          <ErrorExplain error={error} onClose={clearError} />
        </div>
      )}
    </div>
  );
}

// Connect: region, AppKey/AppSecret, remember, test; or the sandbox organisation for a first look. Once
// connected: the connection, and its staff directory's size, age and refresh.
import { CheckCircleFilled, ExperimentOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, type ConnectArgs, type Region, type TestConnectionResult } from '../api';
import { ErrorExplain } from '../components/ErrorExplain';
import { DirectoryCard } from '../components/people/DirectoryCard';
import { Screen } from '../components/Screen';
import { SpeedSetting } from '../components/SpeedSetting';
import { UpdateSetting } from '../components/UpdateSetting';
import { useI18n } from '../i18n';
import { useAction } from '../lib/useAction';
import { useSession } from '../state/session';

interface FormValues {
  region: Region;
  baseUrl?: string;
  appKey: string;
  appSecret: string;
  remember: boolean;
}

function toArgs(v: FormValues): ConnectArgs {
  return {
    region: v.region,
    baseUrl: v.region === 'custom' ? v.baseUrl?.trim() : undefined,
    appKey: v.appKey.trim(),
    appSecret: v.appSecret,
    remember: v.remember,
  };
}

export function ConnectScreen({ onConnected }: { onConnected: () => void }) {
  const { t } = useI18n();
  const { session, capabilities, org, setSession } = useSession();
  const [form] = Form.useForm<FormValues>();
  const region = Form.useWatch('region', form);
  const { busy, error, setError, run } = useAction<'test' | 'connect' | 'sandbox'>();
  const [tested, setTested] = useState<TestConnectionResult | null>(null);
  // Where secrets cannot persist (web mode), "remember" must not look ticked.
  const secretsPersist = capabilities?.secretsPersist;
  useEffect(() => {
    if (secretsPersist === false) form.setFieldValue('remember', false);
  }, [secretsPersist, form]);

  const attempt = (kind: 'test' | 'connect' | 'sandbox', work: () => Promise<void>) => {
    setTested(null);
    return run(kind, work);
  };

  const test = () =>
    attempt('test', async () => {
      const values = await form.validateFields();
      const { remember: _remember, ...args } = toArgs(values);
      const result = await api.testConnection(args);
      if (result.ok) setTested(result);
      else setError(result.error ?? new Error(t('connect.failed')));
    });

  const connect = (values: FormValues) =>
    attempt('connect', async () => {
      setSession(await api.connect(toArgs(values)));
      onConnected();
    });

  const sandbox = () =>
    attempt('sandbox', async () => {
      setSession(await api.connectSandbox());
      onConnected();
    });

  return (
    <Screen title={t('connect.title')} intro={t('connect.intro')}>
      {session && (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          data-testid="connected-banner"
          title={t('connect.current')}
          description={
            <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
              <Descriptions.Item label={t('connect.baseUrl')}>
                <span data-testid="connected-base-url">{session.baseUrl}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('connect.appKey')}>
                {session.sandbox ? t('status.sandbox') : session.appKeyPrefix}
              </Descriptions.Item>
              {org && (
                <Descriptions.Item label={t('contacts.count')}>
                  {org.contactCount.toLocaleString()}
                </Descriptions.Item>
              )}
              {org && (
                <Descriptions.Item label={t('contacts.groups')}>{org.labelGroups.length}</Descriptions.Item>
              )}
            </Descriptions>
          }
          action={
            <Button
              data-testid="disconnect"
              onClick={() => void api.disconnect().then(() => setSession(null))}
            >
              {t('connect.disconnect')}
            </Button>
          }
        />
      )}
      {session && <DirectoryCard version={session} />}

      <Row gutter={[20, 20]} align="stretch">
        <Col xs={24} xl={15}>
          <Card style={{ height: '100%' }}>
            <Form<FormValues>
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={{ region: 'mainland', remember: true }}
              onFinish={(v) => void connect(v)}
              disabled={busy !== null}
            >
              <Form.Item name="region" label={t('connect.region')}>
                <Radio.Group data-testid="connect-region">
                  <Space orientation="vertical" size={4}>
                    <Radio value="mainland">{t('connect.region.mainland')}</Radio>
                    <Radio value="international">{t('connect.region.international')}</Radio>
                    <Radio value="custom">{t('connect.region.custom')}</Radio>
                  </Space>
                </Radio.Group>
              </Form.Item>
              {region === 'custom' && (
                <Form.Item
                  name="baseUrl"
                  label={t('connect.baseUrl')}
                  rules={[
                    { required: true, pattern: /^https?:\/\/\S+$/, message: t('connect.baseUrl.invalid') },
                  ]}
                >
                  <Input placeholder="https://oapi.example.com" data-testid="connect-base-url" />
                </Form.Item>
              )}
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item
                    name="appKey"
                    label={t('connect.appKey')}
                    rules={[{ required: true, whitespace: true, message: t('connect.appKey.required') }]}
                  >
                    <Input autoComplete="off" spellCheck={false} data-testid="connect-app-key" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="appSecret"
                    label={t('connect.appSecret')}
                    rules={[{ required: true, message: t('connect.appSecret.required') }]}
                    extra={
                      capabilities?.secretsPersist === false
                        ? t('connect.appSecret.memoryOnly')
                        : t('connect.appSecret.help')
                    }
                  >
                    <Input.Password autoComplete="off" data-testid="connect-app-secret" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="remember" valuePropName="checked">
                <Checkbox data-testid="connect-remember" disabled={capabilities?.secretsPersist === false}>
                  {t('connect.remember')}
                </Checkbox>
              </Form.Item>
              <Space>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={busy === 'connect'}
                  data-testid="connect-submit"
                >
                  {t('connect.connect')}
                </Button>
                <Button onClick={() => void test()} loading={busy === 'test'} data-testid="connect-test">
                  {t('connect.test')}
                </Button>
              </Space>
            </Form>
            {tested && (
              <Alert
                style={{ marginTop: 16 }}
                type="success"
                showIcon
                data-testid="connect-test-ok"
                title={`${t('connect.test')}: OK · ${tested.latencyMs} ms`}
              />
            )}
            {error !== null && (
              <div style={{ marginTop: 16 }}>
                <ErrorExplain error={error} title="connect.failed" testId="connect-error" />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card style={{ height: '100%', background: 'linear-gradient(160deg, #F3F0FF 0%, #FFFFFF 60%)' }}>
            <Space orientation="vertical" size={12}>
              <ExperimentOutlined style={{ fontSize: 28, color: '#7A5AF8' }} />
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('connect.sandbox.title')}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('connect.sandbox.text')}
              </Typography.Paragraph>
              <Button
                size="large"
                onClick={() => void sandbox()}
                loading={busy === 'sandbox'}
                disabled={capabilities?.sandboxAvailable === false || (busy !== null && busy !== 'sandbox')}
                data-testid="connect-sandbox"
              >
                {t('connect.sandbox.button')}
              </Button>
            </Space>
          </Card>
        </Col>
      </Row>
      <SpeedSetting />
      <UpdateSetting />
    </Screen>
  );
}

// The app frame: antd providers (locale, theme), a side menu of screens, a header with the connection and language.
import { useEffect, useRef, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import {
  ApiOutlined,
  CloudUploadOutlined,
  DeleteOutlined,
  FilterOutlined,
  HistoryOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useI18n, type Lang, type MessageKey } from './i18n';
import { stillTheme, theme } from './theme';
import { useReducedMotion } from './lib/useReducedMotion';
import { SessionProvider, useSession } from './state/session';
import { ConnectScreen } from './screens/ConnectScreen';
import { ContactsScreen } from './screens/ContactsScreen';
import { WorkspaceScreen } from './screens/WorkspaceScreen';
import { ImportScreen } from './screens/ImportScreen';
import { DeleteScreen } from './screens/DeleteScreen';
import { JobsScreen } from './screens/JobsScreen';
import { LinkBanner } from './components/LinkBanner';
import { InterruptedJobPrompt } from './components/InterruptedJobPrompt';
import { useHashRoute, type ScreenKey } from './state/route';

const { Header, Sider, Content } = Layout;

const NAV: readonly { key: ScreenKey; label: MessageKey; icon: React.ReactNode }[] = [
  { key: 'connect', label: 'nav.connect', icon: <ApiOutlined /> },
  { key: 'contacts', label: 'nav.contacts', icon: <TeamOutlined /> },
  { key: 'workspace', label: 'nav.workspace', icon: <FilterOutlined /> },
  { key: 'import', label: 'nav.import', icon: <CloudUploadOutlined /> },
  { key: 'delete', label: 'nav.delete', icon: <DeleteOutlined /> },
  { key: 'jobs', label: 'nav.jobs', icon: <HistoryOutlined /> },
];

export function App() {
  const { lang } = useI18n();
  const still = useReducedMotion();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCN : enUS}
      theme={still ? stillTheme : theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <SessionProvider>
          <Shell />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { session, openedFile } = useSession();
  const [route, navigate] = useHashRoute();
  const [collapsed, setCollapsed] = useState(false);
  // Already connected at start (remembered credentials, `--sandbox`) and no screen asked for: show the contacts.
  const landed = useRef(false);
  useEffect(() => {
    if (landed.current || !session) return;
    landed.current = true;
    if (!window.location.hash) navigate('contacts');
  }, [session, navigate]);
  // A sheet opened from the OS goes to the import wizard.
  useEffect(() => {
    if (openedFile) navigate('import');
  }, [openedFile, navigate]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        width={208}
        collapsible
        collapsed={collapsed}
        // Our own toggle below: antd's trigger is a div a keyboard cannot reach.
        trigger={null}
        theme="light"
        // The sider column runs the page's full height (white to the bottom of a long report); inside it the
        // logo and menu stick to the viewport and scroll on their own when the window is short.
        className="dt-sider"
      >
        <div className="dt-sider-body">
          <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px', gap: 10 }}>
            <Logo />
            {!collapsed && (
              <Typography.Text strong style={{ fontSize: 17, letterSpacing: 0.2 }}>
                dtload
              </Typography.Text>
            )}
          </div>
          <Menu
            mode="inline"
            selectedKeys={[route]}
            onClick={(e) => navigate(e.key as ScreenKey)}
            items={NAV.map((n) => ({
              key: n.key,
              icon: n.icon,
              label: <span data-testid={`nav-${n.key}`}>{t(n.label)}</span>,
            }))}
            className="dt-sider-menu"
            style={{ borderInlineEnd: 'none' }}
          />
          <Button
            type="text"
            className="dt-sider-toggle"
            data-testid="sider-toggle"
            aria-label={t(collapsed ? 'nav.expand' : 'nav.collapse')}
            aria-expanded={!collapsed}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((c) => !c)}
          />
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #EEF0F3',
          }}
        >
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          <Space size="middle">
            <span data-testid="connection-status">
              {session ? (
                <Tag color={session.sandbox ? 'purple' : 'green'} style={{ marginInlineEnd: 0 }}>
                  {session.sandbox ? t('status.sandbox') : t('status.connected', { org: session.label })}
                </Tag>
              ) : (
                <Tag style={{ marginInlineEnd: 0 }}>{t('status.disconnected')}</Tag>
              )}
            </span>
            <Segmented<Lang>
              size="small"
              aria-label={t('lang.switch')}
              data-testid="lang-switch"
              value={lang}
              onChange={setLang}
              options={[
                { label: 'English', value: 'en' },
                { label: '简体中文', value: 'zh-CN' },
              ]}
            />
          </Space>
        </Header>
        <LinkBanner />
        <Content style={{ padding: 24, overflow: 'auto' }}>
          <div style={{ maxWidth: 1320, margin: '0 auto' }}>
            {route === 'connect' && <ConnectScreen onConnected={() => navigate('contacts')} />}
            {route === 'contacts' && <ContactsScreen />}
            {route === 'workspace' && <WorkspaceScreen />}
            {route === 'import' && <ImportScreen />}
            {route === 'delete' && <DeleteScreen />}
            {route === 'jobs' && <JobsScreen />}
          </div>
        </Content>
      </Layout>
      <InterruptedJobPrompt onResume={() => navigate('jobs')} />
    </Layout>
  );
}

function Logo() {
  return (
    <svg width="26" height="26" viewBox="0 0 26 26" aria-hidden="true">
      <rect width="26" height="26" rx="7" fill="#1677FF" />
      <path d="M7 8h8a4 4 0 0 1 0 8H7z" fill="none" stroke="#fff" strokeWidth="2.2" />
      <path d="M11 19h8" stroke="#9CC3FF" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

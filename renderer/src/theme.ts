// One theme for the whole app: DingTalk's blue, a calm neutral background, a compact-but-readable density at 1280×800.
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1677FF',
    colorInfo: '#1677FF',
    colorSuccess: '#17A34A',
    colorError: '#E5484D',
    colorWarning: '#F59E0B',
    borderRadius: 8,
    fontSize: 14,
    colorBgLayout: '#F5F7FA',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#FFFFFF', headerBg: '#FFFFFF', headerHeight: 56, headerPadding: '0 24px' },
    Menu: { itemBg: 'transparent' },
    Table: { headerBg: '#FAFBFC', cellPaddingBlockSM: 6 },
  },
};

/** The theme without antd's motion (the admin's system asks for reduced motion). */
export const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

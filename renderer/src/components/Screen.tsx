// Every screen's frame: its title (with an optional intro and actions on the right), then its content.
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** One short paragraph under the title. */
  intro?: string;
  /** Buttons at the right of the title (e.g. refresh). */
  extra?: ReactNode;
  children: ReactNode;
}

export function Screen({ title, intro, extra, children }: Props) {
  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {intro && (
            <Typography.Paragraph type="secondary" style={{ maxWidth: 780, margin: '4px 0 0' }}>
              {intro}
            </Typography.Paragraph>
          )}
        </div>
        {extra}
      </div>
      {children}
    </Space>
  );
}

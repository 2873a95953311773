import { Result, Tag } from 'antd';
import type { ScreenInfo } from '../navigation/screens';

/** Stands in for a screen that later issues build; says what it will hold. */
export function PlaceholderPage({ screen }: { readonly screen: ScreenInfo }) {
  return (
    <Result
      icon={<span style={{ fontSize: 56, color: '#1677ff' }}>{screen.icon}</span>}
      title={
        <>
          {screen.label} <Tag color="orange">建设中</Tag>
        </>
      }
      subTitle={screen.comingSoon}
    />
  );
}

import type { CSSProperties } from 'react';
import type { Region } from '@shared/domain/schemas';
import { RegionTreeSelect } from '../RegionTreeSelect';

/** The city itself is "no scope" (cleared); a 旗区 or 乡镇 narrows the work to it. */
const notCity = (r: Region): boolean => r.level !== 'city';

export interface ScopeSelectProps {
  readonly regions: readonly Region[];
  readonly value: string;
  readonly onChange: (regionId: string) => void;
  readonly 'aria-label': string;
  readonly placeholder: string;
  readonly style?: CSSProperties;
}

/** Scope of a report or a bulk export: 全市 (cleared), one 旗区 or one 乡镇. */
export function ScopeSelect(props: ScopeSelectProps) {
  return <RegionTreeSelect {...props} deepest="township" selectable={notCity} allowClear />;
}

import { InputNumber } from 'antd';

/** The 年度 box of the export cards (see useYearChoice). */
export function YearInput({
  value,
  onChange,
  'aria-label': label,
}: {
  readonly value: number | null;
  readonly onChange: (year: number | null) => void;
  readonly 'aria-label': string;
}) {
  return (
    <InputNumber
      aria-label={label}
      min={2000}
      max={2100}
      value={value}
      onChange={onChange}
      suffix="年度"
      style={{ width: 112, flex: 'none' }}
    />
  );
}

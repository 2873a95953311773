import { Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useSearchOptions } from '../../hooks/useSearchOptions';

const MAX_OPTIONS = 50;

interface Option {
  readonly value: string;
  readonly label: string;
  readonly detail: string;
}

export interface CadreSelectProps {
  readonly value: string;
  readonly onChange: (id: string) => void;
  /** The name to show for a `value` chosen elsewhere (a print view opened from an address). */
  readonly valueLabel?: string;
}

/** Picks one cadre by name, pinyin initials or phone (cadres:query). */
export function CadreSelect({ value, onChange, valueLabel }: CadreSelectProps) {
  const { options, total, loading, error, setText } = useSearchOptions<Option>(async (query) => {
    const result = await api('cadres:query', { text: query });
    return {
      total: result.total,
      options: result.rows.slice(0, MAX_OPTIONS).map((r) => ({ value: r.id, label: r.name, detail: `${r.regionPath} · ${r.entityCount} 个主体` })),
    };
  });
  const [picked, setPicked] = useState<Option | null>(null);

  const known = picked && picked.value === value ? picked : value && valueLabel ? { value, label: valueLabel, detail: '' } : null;
  const shown = known && !options.some((o) => o.value === value) ? [known, ...options] : options;
  return (
    <Select<string>
      aria-label="包保干部"
      placeholder="输入姓名或拼音首字母查找干部"
      value={value || undefined}
      loading={loading}
      options={shown}
      showSearch={{ filterOption: false, onSearch: setText }}
      onChange={(id) => {
        setText('');
        setPicked(shown.find((o) => o.value === id) ?? null);
        onChange(id ?? '');
      }}
      allowClear
      notFoundContent={error ? <Typography.Text type="danger">{error}</Typography.Text> : loading ? '正在查找…' : '没有符合条件的干部'}
      optionRender={(option) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, minWidth: 0 }}>
          <span style={{ whiteSpace: 'nowrap' }}>{option.label}</span>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {(option.data as Option).detail}
          </Typography.Text>
        </div>
      )}
      popupRender={(menu) => (
        <>
          {menu}
          {total > MAX_OPTIONS && (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
              只显示前 {MAX_OPTIONS} 个（共 {total} 个），请输入更多文字缩小范围
            </Typography.Text>
          )}
        </>
      )}
      popupMatchSelectWidth={360}
      style={{ width: '100%' }}
    />
  );
}

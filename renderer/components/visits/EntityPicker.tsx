import { Select, Typography } from 'antd';
import { api } from '../../api/client';
import { useSearchOptions } from '../../hooks/useSearchOptions';

/** Options shown at once; typing narrows the list. */
const MAX_OPTIONS = 50;

export interface PickedRecord {
  readonly id: string;
  readonly name: string;
}

interface Option {
  readonly value: string;
  readonly label: string;
  readonly detail: string;
}

/** Same search as the 主体 list (name, pinyin initials, codes, phone); only the first matches come. */
async function search(text: string): Promise<{ options: Option[]; total: number }> {
  // Without a search word every 主体 would match: wait for one.
  if (!text) return { options: [], total: 0 };
  const result = await api('entities:query', { text, limit: MAX_OPTIONS });
  return {
    total: result.total,
    options: result.rows.map((r) => ({ value: r.id, label: r.name, detail: `${r.grade}级 · ${r.regionPath}` })),
  };
}

export interface EntityPickerProps {
  readonly value: PickedRecord | null;
  readonly onChange: (picked: PickedRecord | null) => void;
  readonly width: number;
}

/** A filter that picks one 主体 by searching (entities:query); cadres are picked with CadrePicker. */
export function EntityPicker({ value, onChange, width }: EntityPickerProps) {
  const { options, total, loading, error, query, setText } = useSearchOptions<Option>('entities:query', [], search);

  const shown =
    value && !options.some((o) => o.value === value.id) ? [{ value: value.id, label: value.name, detail: '' }, ...options] : options;
  return (
    <Select<string>
      aria-label="按主体筛选"
      data-testid="visit-filter-entity"
      allowClear
      placeholder="主体：全部"
      value={value?.id}
      loading={loading}
      options={shown}
      showSearch={{ filterOption: false, onSearch: setText }}
      onChange={(id) => {
        setText('');
        const picked = shown.find((o) => o.value === id);
        onChange(picked ? { id: picked.value, name: picked.label } : null);
      }}
      notFoundContent={
        error ? (
          <Typography.Text type="danger">{error}</Typography.Text>
        ) : loading ? (
          '正在查找…'
        ) : !query ? (
          '输入主体名称、拼音首字母或统一社会信用代码查找'
        ) : (
          '没有符合条件的主体'
        )
      }
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
      style={{ width }}
    />
  );
}

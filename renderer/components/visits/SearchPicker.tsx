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

export type PickerKind = 'cadre' | 'entity';

const PLACEHOLDERS: Readonly<Record<PickerKind, string>> = { cadre: '包保干部：全部', entity: '主体：全部' };
const NOT_FOUND: Readonly<Record<PickerKind, string>> = { cadre: '没有符合条件的干部', entity: '没有符合条件的主体' };
const ENTITY_HINT = '输入主体名称、拼音首字母或统一社会信用代码查找';

/** Same search as the 主体 and 干部 lists (name, pinyin initials, codes, phone). */
async function search(kind: PickerKind, text: string): Promise<{ options: Option[]; total: number }> {
  if (kind === 'cadre') {
    const result = await api('cadres:query', { text });
    return {
      total: result.total,
      options: result.rows.slice(0, MAX_OPTIONS).map((r) => ({ value: r.id, label: r.name, detail: r.regionPath })),
    };
  }
  // Without a search word the whole 主体 list would come back (up to 100,000): wait for one.
  if (!text) return { options: [], total: 0 };
  const result = await api('entities:query', { text });
  return {
    total: result.total,
    options: result.rows.slice(0, MAX_OPTIONS).map((r) => ({ value: r.id, label: r.name, detail: `${r.grade}级 · ${r.regionPath}` })),
  };
}

export interface SearchPickerProps {
  readonly kind: PickerKind;
  readonly value: PickedRecord | null;
  readonly onChange: (picked: PickedRecord | null) => void;
  readonly width: number;
}

/** A filter that picks one cadre or one 主体 by searching (cadres:query / entities:query). */
export function SearchPicker({ kind, value, onChange, width }: SearchPickerProps) {
  const { options, total, loading, error, query, setText } = useSearchOptions<Option>((text) => search(kind, text), [kind]);

  const shown = value && !options.some((o) => o.value === value.id) ? [{ value: value.id, label: value.name, detail: '' }, ...options] : options;
  return (
    <Select<string>
      aria-label={kind === 'cadre' ? '按包保干部筛选' : '按主体筛选'}
      data-testid={`visit-filter-${kind}`}
      allowClear
      placeholder={PLACEHOLDERS[kind]}
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
        error ? <Typography.Text type="danger">{error}</Typography.Text> : loading ? '正在查找…' : kind === 'entity' && !query ? ENTITY_HINT : NOT_FOUND[kind]
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

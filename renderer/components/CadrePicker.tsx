import { Flex, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CadreRow } from '@shared/api/contract';
import { CADRE_LEVEL_LABELS, type CadreLevel } from '@shared/domain/schemas';
import { api } from '../api/client';
import { useSearchOptions } from '../hooks/useSearchOptions';

/** Options shown at once; typing narrows the list (cadres:query searches name, pinyin, phone). */
const MAX_OPTIONS = 100;

export type LevelCaps = Readonly<Partial<Record<CadreLevel, number>>>;

export interface CadrePreference {
  readonly level: CadreLevel;
  readonly regionPath: string;
}

/** A cadre chosen elsewhere (an address, a filter) may be known only by id and name. */
export type PickedCadre = Pick<CadreRow, 'id' | 'name'> & Partial<CadreRow>;

export interface CadrePickerProps {
  /** Form.Item passes value/onChange/id. */
  readonly value?: PickedCadre | null;
  readonly onChange?: (row: CadreRow | null) => void;
  readonly id?: string;
  /** Only cadres 在岗 can receive 主体. */
  readonly activeOnly?: boolean;
  /** Listed first: same level (and same area) as this; with no search text only this level is listed. */
  readonly prefer?: CadrePreference | null;
  readonly excludeId?: string;
  /** Loads over a level's cap are shown in red. */
  readonly caps?: LevelCaps;
  readonly placeholder?: string;
  readonly 'aria-label'?: string;
  readonly width?: number | string;
  readonly autoFocus?: boolean;
  /** Enter on the closed picker with a cadre chosen (saves the dialog) instead of reopening the list. */
  readonly onEnter?: () => void;
  readonly 'data-testid'?: string;
}

const NO_CAPS: LevelCaps = {};

type Rank = 0 | 1 | 2;
const RANK_GROUPS: Readonly<Record<Rank, string>> = { 0: '建议：同层级、同区域', 1: '同层级', 2: '其他层级' };

/**
 * The one cadre picker (包保关系, 干部变动, 导出与打印, print views, 督导 filter): searches by name,
 * pinyin initials or phone (cadres:query); each option shows level, area and load.
 */
export function CadrePicker({
  value,
  onChange,
  id,
  activeOnly = false,
  prefer,
  excludeId,
  caps = NO_CAPS,
  placeholder = '输入姓名或拼音首字母查找干部',
  'aria-label': ariaLabel,
  width = '100%',
  autoFocus,
  onEnter,
  'data-testid': testId,
}: CadrePickerProps) {
  const [open, setOpen] = useState(false);
  const preferLevel = prefer?.level;
  const found = useSearchOptions('cadres:query', [activeOnly, preferLevel], (search) =>
    api('cadres:query', {
      text: search,
      active: activeOnly ? 'yes' : 'any',
      levels: !search && preferLevel ? [preferLevel] : [],
      // With a preference every match is ranked here (same area first); without, the first ones do.
      ...(preferLevel ? {} : { limit: MAX_OPTIONS }),
    }).then((r) => ({ options: [...r.rows], total: r.total })),
  );
  const { options: rows, loading, error, query: search, setText } = found;

  const { options, truncated } = useMemo(() => {
    const rank = (r: PickedCadre): Rank =>
      !prefer || r.level !== prefer.level ? (prefer ? 2 : 1) : r.regionPath === prefer.regionPath ? 0 : 1;
    const ranked = rows
      .filter((r) => r.id !== excludeId)
      .map((r): { r: PickedCadre; rank: Rank } => ({ r, rank: rank(r) }))
      .sort((a, b) => a.rank - b.rank || (a.r.entityCount ?? 0) - (b.r.entityCount ?? 0) || a.r.name.localeCompare(b.r.name, 'zh-CN'));
    const shown = ranked.slice(0, MAX_OPTIONS);
    if (value && !shown.some((s) => s.r.id === value.id)) shown.unshift({ r: value, rank: rank(value) });
    const groups = ([0, 1, 2] as const)
      .map((g) => ({
        label: prefer ? RANK_GROUPS[g] : '',
        options: shown.filter((s) => s.rank === g).map((s) => ({ value: s.r.id, label: s.r.name, row: s.r })),
      }))
      .filter((g) => g.options.length > 0);
    // Without a preference everything is one group; a lone group needs no heading.
    const options = groups.length === 1 || !prefer ? groups.flatMap((g) => g.options) : groups;
    return { options, truncated: found.total > MAX_OPTIONS || ranked.length > MAX_OPTIONS };
  }, [rows, prefer, excludeId, value, found.total]);

  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);

  return (
    <div
      onKeyDownCapture={(e) => {
        if (e.key !== 'Enter' || open || !value || !onEnter) return;
        e.preventDefault();
        e.stopPropagation();
        onEnter();
      }}
    >
      <Select<string>
        id={id}
        // In a form the field's label names it; alone it says what it picks.
        aria-label={ariaLabel ?? (id ? undefined : '包保干部')}
        data-testid={testId}
        open={open}
        onOpenChange={setOpen}
        autoFocus={autoFocus}
        allowClear
        placeholder={placeholder}
        value={value?.id}
        loading={loading}
        options={options}
        showSearch={{ filterOption: false, onSearch: setText }}
        onChange={(picked) => {
          setText('');
          onChange?.(picked ? (byId.get(picked) ?? (value?.id === picked && value.level ? (value as CadreRow) : null)) : null);
        }}
        notFoundContent={error ? <Typography.Text type="danger">{error}</Typography.Text> : loading ? '正在查找…' : '没有符合条件的干部'}
        optionRender={(option) => {
          const row = (option.data as { row?: PickedCadre }).row;
          return row?.level ? <CadreOption row={row as CadreRow} caps={caps} /> : option.label;
        }}
        popupRender={(menu) => (
          <>
            {menu}
            {(truncated || (!search && preferLevel)) && (
              <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
                {!search && preferLevel ? `只列出${CADRE_LEVEL_LABELS[preferLevel]}干部；` : ''}
                {truncated ? `只显示前 ${MAX_OPTIONS} 名；` : ''}输入姓名、拼音首字母或电话查找其他干部
              </Typography.Text>
            )}
          </>
        )}
        popupMatchSelectWidth={360}
        style={{ width }}
      />
    </div>
  );
}

function CadreOption({ row, caps }: { readonly row: CadreRow; readonly caps: LevelCaps }) {
  const cap = caps[row.level];
  const full = cap !== undefined && row.entityCount >= cap;
  return (
    <Flex justify="space-between" gap={8} style={{ minWidth: 0 }}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {row.name}
        {!row.active && (
          <Tag style={{ marginInlineStart: 6 }} variant="outlined">
            不在岗
          </Tag>
        )}
      </span>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }} title={`${CADRE_LEVEL_LABELS[row.level]} · ${row.regionPath}`}>
        {CADRE_LEVEL_LABELS[row.level]} · {row.regionPath} ·{' '}
        <Typography.Text type={full ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {row.entityCount}
          {cap !== undefined ? `/${cap}` : ''} 户
        </Typography.Text>
      </Typography.Text>
    </Flex>
  );
}

/** One line under a picker: the chosen cadre's level, area and load, and the load after the change. */
export function CadreFacts({ row, caps, adding = 0 }: { readonly row: CadreRow; readonly caps: LevelCaps; readonly adding?: number }) {
  const cap = caps[row.level];
  const after = row.entityCount + adding;
  const over = cap !== undefined && after > cap;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {CADRE_LEVEL_LABELS[row.level]} · 包保区域 {row.regionPath} · {row.active ? '在岗' : '不在岗'} · 当前包保 {row.entityCount} 户
      {cap !== undefined && `（上限 ${cap} 户）`}
      {adding > 0 && (
        <Typography.Text type={over ? 'danger' : 'secondary'} strong={over} style={{ fontSize: 13 }}>
          ，接收后 {after} 户{over ? '，超出上限' : ''}
        </Typography.Text>
      )}
    </Typography.Text>
  );
}

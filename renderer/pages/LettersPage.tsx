import { Alert, Button, DatePicker, Empty, InputNumber, Select, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { CADRE_LEVEL_LABELS, REGION_LEVELS, type CadreLevel } from '@shared/domain/schemas';
import { LETTER_CSS, letterPageHtml } from '@shared/handbook/letter-html';
import { useApiQuery } from '../api/queries';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { CadrePicker } from '../components/CadrePicker';
import { useAppInfo } from '../components/export/useAppInfo';
import { PrintToolbar } from '../components/print/PrintToolbar';
import { useHashQuery } from '../components/print/useHashQuery';
import '../components/print/print.css';
import { openScreen } from '../hooks/useHashScreen';
import { useReference } from '../hooks/useReference';

/**
 * One print job of a few hundred pages is what an office printer and the print preview handle
 * well; a whole city (2,684 letters) is printed region by region, or exported with the CLI.
 */
export const LETTER_PRINT_LIMIT = 600;

const LEVEL_OPTIONS = REGION_LEVELS.map((level) => ({ value: level, label: `${CADRE_LEVEL_LABELS[level]}干部` }));

function isLevel(text: string): text is CadreLevel {
  return (REGION_LEVELS as readonly string[]).includes(text);
}

/** A year the services accept; anything else in the address falls back to the plan year. */
function yearFrom(text: string): number | undefined {
  const year = Number(text);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

/** A YYYY-MM-DD 成文日期 from the address; anything else leaves the date to the services (today). */
function dateFrom(text: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dayjs(text).isValid() ? text : undefined;
}

/**
 * 致包保领导的一封信 as A4 pages (docs/domain.md#致包保领导的一封信): one cadre (#/letters?cadre=ID) or the active cadres
 * of a region and/or level (#/letters?region=ID&level=village), for the plan year or another
 * (&year=2028), dated today or on a chosen 成文日期 (&date=2027-03-01), ready to print or save as PDF.
 */
export function LettersPage() {
  const [query, setQuery] = useHashQuery('letters');
  const cadreId = query.get('cadre') ?? '';
  const regionId = query.get('region') ?? '';
  const levelText = query.get('level') ?? '';
  const level = isLevel(levelText) ? levelText : undefined;
  const year = yearFrom(query.get('year') ?? '');
  const yearText = year ? String(year) : '';
  const date = dateFrom(query.get('date') ?? '');
  const dateText = date ?? '';
  const planYear = useAppInfo()?.planYear;
  const regions = useReference('regions:list').value ?? [];
  const chosen = cadreId !== '' || regionId !== '' || level !== undefined;
  const { result, error, loading } = useApiQuery(
    'letters:get',
    {
      ...(cadreId ? { cadreIds: cadreId.split(',') } : { regionId, ...(level ? { level } : {}), limit: LETTER_PRINT_LIMIT }),
      ...(year ? { year } : {}),
      ...(date ? { date } : {}),
    },
    { enabled: chosen, readOnOpen: true },
  );
  // The letters shown stay while the next choice's are made; none once nothing is chosen.
  const value = chosen ? result : null;
  const letters = useMemo(() => value?.letters ?? [], [value]);
  const html = useMemo(() => letters.map(letterPageHtml).join(''), [letters]);
  const first = letters[0];
  const pdfFileName = !first
    ? null
    : letters.length === 1
      ? first.fileName.replace(/\.html$/, '.pdf')
      : `致包保领导的一封信-${letters.length}封.pdf`;
  const longest = useLongestLetter(html);
  const notices = letterNotices({
    total: value?.total ?? 0,
    shown: letters.length,
    unknown: first?.unknownFields ?? [],
    empty: [...new Set(letters.flatMap((l) => l.emptyFields))],
    pages: longest.pages,
  });
  // Today (as the services date it) until another day is chosen.
  const shownDate = date ?? value?.date;
  // Every picker keeps the others: the address holds the whole choice.
  const keep = { cadre: cadreId, region: regionId, level: levelText, year: yearText, date: dateText };

  return (
    <div className="print-view" data-testid="letters-page">
      <style>{LETTER_CSS}</style>
      <PrintToolbar
        title="致包保领导的一封信"
        pdfFileName={pdfFileName}
        summary={value && <Typography.Text type="secondary">共 {letters.length.toLocaleString('zh-CN')} 封</Typography.Text>}
      >
        <div style={{ width: 220 }}>
          <CadrePicker
            value={cadreId && !cadreId.includes(',') ? { id: cadreId, name: first?.cadreName ?? '' } : null}
            onChange={(row) => setQuery({ cadre: row?.id ?? '', year: yearText, date: dateText })}
          />
        </div>
        <Typography.Text type="secondary">或</Typography.Text>
        <RegionTreeSelect
          regions={regions}
          value={regionId}
          onChange={(id) => setQuery({ region: id, level: levelText, year: yearText, date: dateText })}
          placeholder="区划（含下级）"
          allowClear
          aria-label="区划"
          style={{ width: 200 }}
        />
        <Select<CadreLevel>
          aria-label="干部层级"
          placeholder="全部层级"
          allowClear
          value={level}
          options={LEVEL_OPTIONS}
          onChange={(next) => setQuery({ region: regionId, level: next ?? '', year: yearText, date: dateText })}
          style={{ width: 130 }}
        />
        <InputNumber
          aria-label="信件年度"
          min={2000}
          max={2100}
          value={year ?? planYear ?? null}
          onChange={(next) => setQuery({ ...keep, year: next ? String(next) : '' })}
          suffix="年度"
          style={{ width: 112 }}
        />
        <DatePicker
          aria-label="成文日期"
          prefix={<Typography.Text type="secondary">成文日期</Typography.Text>}
          allowClear={false}
          placeholder="默认当天"
          format="YYYY年M月D日"
          value={shownDate ? dayjs(shownDate) : null}
          onChange={(day) => setQuery({ ...keep, date: day ? day.format('YYYY-MM-DD') : '' })}
          style={{ width: 210 }}
        />
      </PrintToolbar>
      {error && (
        <Alert
          className="no-print"
          type="error"
          showIcon
          title={`无法生成信件：${error}`}
          action={
            // When the message sends the clerk to 设置 (contacts missing), one click takes them there.
            error.includes('设置') && (
              <Button size="small" onClick={() => openScreen('settings')}>
                去设置
              </Button>
            )
          }
          style={{ marginBottom: 8 }}
        />
      )}
      {notices.map((notice) => (
        <Alert key={notice.title} className="no-print" type={notice.type} showIcon title={notice.title} style={{ marginBottom: 8 }} />
      ))}
      <div className="print-pages">
        {loading && letters.length === 0 ? (
          <Spin description="正在生成信件…" style={{ display: 'block', marginTop: 80 }} />
        ) : error ? null : letters.length > 0 ? (
          // Escaped in letterPageHtml; the same markup the CLI's .html files carry.
          <div ref={longest.ref} dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <Empty
            style={{ marginTop: 80 }}
            description={chosen && value ? '所选范围内没有在岗的包保干部' : '请选择一名干部，或选择区划和层级，打印致包保领导的一封信'}
          />
        )}
      </div>
    </div>
  );
}

interface LetterNotice {
  readonly type: 'warning' | 'info';
  readonly title: string;
}

/** What the clerk should know before printing, each with what to do about it. */
function letterNotices(found: {
  readonly total: number;
  readonly shown: number;
  readonly unknown: readonly string[];
  readonly empty: readonly string[];
  /** Pages the first letter takes. */
  readonly pages: number;
}): LetterNotice[] {
  const notices: LetterNotice[] = [];
  if (found.total > found.shown) {
    notices.push({
      type: 'warning',
      title: `所选范围共有 ${found.total.toLocaleString('zh-CN')} 名在岗干部，一次最多打印 ${LETTER_PRINT_LIMIT} 封，下面是前 ${found.shown} 封。请按旗区或乡镇分批打印，或用命令行 export letters 一次导出全部。`,
    });
  }
  if (found.unknown.length > 0) {
    notices.push({
      type: 'warning',
      title: `信件模板中有未知的合并字段 ${found.unknown.map((n) => `{${n}}`).join(' ')}，已按原样打印。请到“设置 → 致包保领导的一封信”改正。`,
    });
  }
  if (found.pages > 2) {
    notices.push({ type: 'warning', title: `信件有 ${found.pages} 页，超过两页。请到“设置 → 致包保领导的一封信”精简正文或工作职责。` });
  } else if (found.pages === 2) {
    notices.push({
      type: 'info',
      title: '信件正文较长，每封打印为两页（页码 — 1 —、— 2 —）；要印成一页，请到“设置 → 致包保领导的一封信”精简正文。',
    });
  }
  if (found.shown > 1) {
    notices.push({
      type: 'info',
      title:
        '多封信一起打印时，页码按整份文件连续编排；要每封信都从 — 1 — 起编页码，请逐人打印，或用命令行 export letters 导出每人一个文件。',
    });
  }
  if (found.empty.length > 0) {
    notices.push({ type: 'info', title: `${found.empty.join('、')}没有内容，信中印为空白横线，可手写填上。` });
  }
  return notices;
}

const MM_PX = 96 / 25.4;
/** The GB/T 9704 版心's height and the margins above and below it (letter-html.ts), on screen. */
const TEXT_HEIGHT_PX = 225 * MM_PX;
const MARGINS_PX = (37 + 35) * MM_PX;

/**
 * How many pages the first letter takes: its text on screen is set as on paper, 225 mm of it a
 * page. Only the first is measured: sheets out of sight are not laid out, and the letters differ
 * only in names and figures.
 */
function useLongestLetter(html: string): { ref: RefObject<HTMLDivElement | null>; pages: number } {
  const ref = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState(1);
  useLayoutEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('.letter-page');
    if (!first) {
      setPages(1);
      return undefined;
    }
    // Watched, not measured once: the sheet's height settles only after layout and fonts.
    const observer = new ResizeObserver(() => setPages(Math.max(1, Math.ceil((first.offsetHeight - MARGINS_PX - 2) / TEXT_HEIGHT_PX))));
    observer.observe(first);
    return () => observer.disconnect();
  }, [html]);
  return { ref, pages };
}

import type { Handbook, HandbookColumn, HandbookSheet } from '@shared/handbook/handbook';
import { RECORD_SHEET } from '@shared/handbook/handbook';
import type { Cell } from '@shared/records/cell';

/** A4 portrait with the page number at the foot, as in the workbook (第 N 页 共 M 页). */
export const HANDBOOK_PAGE_CSS = `@page {
  size: A4 portrait;
  margin: 15mm 12mm 18mm;
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; }
}`;

/** Cells as printed: text kept as written (the 承诺书's signing line is spaced with 　). */
function shown(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell.date;
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell);
}

/** The 工作手册's sheets as paper: the same data as the workbook (buildHandbook), nothing re-derived. */
export function HandbookPages({ handbook }: { readonly handbook: Handbook }) {
  return (
    <div>
      {handbook.sheets.map((sheet) =>
        sheet.sheetName === '封面' ? (
          <Cover key={sheet.sheetName} sheet={sheet} />
        ) : sheet.sheetName === '承诺书' ? (
          <Commitment key={sheet.sheetName} sheet={sheet} />
        ) : (
          <TablePage key={sheet.sheetName} sheet={sheet} />
        ),
      )}
    </div>
  );
}

/** As the workbook's cover: the title on its lines, whose handbook it is, who printed it when. */
function Cover({ sheet }: { readonly sheet: HandbookSheet }) {
  return (
    <section className="hb-page hb-cover" data-sheet={sheet.sheetName}>
      <h1 className="hb-title">{sheet.title}</h1>
      <dl className="hb-cover-facts">
        {sheet.rows.map((row, i) => (
          <div key={i}>
            <dt>{shown(row[0])}：</dt>
            <dd>{shown(row[1])}</dd>
          </div>
        ))}
      </dl>
      <p className="hb-subtitle">{sheet.subtitle}</p>
    </section>
  );
}

/** The 承诺书 as the workbook sets it: paragraphs, then the lines to sign with room above each. */
function Commitment({ sheet }: { readonly sheet: HandbookSheet }) {
  return (
    <section className="hb-page hb-letter" data-sheet={sheet.sheetName}>
      <h1 className="hb-title">{sheet.title}</h1>
      {sheet.rows.map((row, i) => (
        <p key={i}>{shown(row[0])}</p>
      ))}
      {(sheet.closing ?? []).map((line, i) => (
        <p key={i} className="hb-sign">
          {line}
        </p>
      ))}
    </section>
  );
}

/**
 * One sheet as a table that flows over as many pages as it needs; the header row repeats on each.
 * Hidden key columns stay in the workbook only. In a first column the sheet merges down (干什么 /
 * 如何干, the 任务清单's blocks), a blank cell continues the group above, printed merged as in the workbook.
 */
function TablePage({ sheet }: { readonly sheet: HandbookSheet }) {
  const visible = sheet.columns.map((column, index) => ({ column, index })).filter(({ column }) => !column.hidden);
  const totalWidth = visible.reduce((sum, { column }) => sum + column.width, 0);
  const firstColumn = visible[0]?.index ?? 0;
  const groupSpans = sheet.mergeDown?.includes(firstColumn)
    ? firstColumnSpans(sheet.rows.map((row) => shown(row[firstColumn])))
    : sheet.rows.map(() => 1);
  const isForm = sheet.sheetName === RECORD_SHEET;
  // Wider than a portrait page in the workbook (which turns it): smaller type instead.
  const dense = totalWidth > 100;
  return (
    <section className="hb-page" data-sheet={sheet.sheetName}>
      <h1 className="hb-title">{sheet.title}</h1>
      {sheet.subtitle && <p className="hb-subtitle">{sheet.subtitle}</p>}
      <table className={['hb-table', isForm && 'hb-form', dense && 'hb-dense'].filter(Boolean).join(' ')}>
        <colgroup>
          {visible.map(({ column, index }) => (
            <col key={index} style={{ width: `${(column.width / totalWidth) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {visible.map(({ column, index }) => (
              <th key={index}>{column.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.length === 0 && (
            <tr>
              <td colSpan={visible.length} className="hb-center">
                （无）
              </td>
            </tr>
          )}
          {sheet.rows.map((row, r) => (
            <tr key={r}>
              {visible.map(({ column, index }, c) => {
                if (c === 0 && groupSpans[r] === 0) return null;
                return (
                  <td key={index} rowSpan={c === 0 && (groupSpans[r] ?? 1) > 1 ? groupSpans[r] : undefined} className={cellClass(column)}>
                    {shown(row[index])}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function cellClass(column: HandbookColumn): string | undefined {
  if (column.format === 'number') return 'hb-number';
  if (column.format === 'date') return 'hb-date';
  return undefined;
}

/** Row spans for the first column: n at a group's first row, 0 for the blank rows it covers. */
function firstColumnSpans(firstCells: readonly string[]): number[] {
  const spans = firstCells.map(() => 1);
  let head = -1;
  firstCells.forEach((text, i) => {
    if (text === '' && head >= 0) {
      spans[i] = 0;
      spans[head] = (spans[head] ?? 1) + 1;
    } else head = i;
  });
  return spans;
}

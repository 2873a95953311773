import { textProblem } from '../domain/text';
import { cellText, parseDateCell } from '../records/cell';
import type { Sheet } from '../records/import-plan';
import type { CheckResult, Visit } from '../visits/types';
import { RECORD_KEY_HEADER, RECORD_SHEET } from './handbook';

export interface ReturnedRecord {
  readonly visitId: string;
  readonly doneDate: string;
  readonly result: CheckResult | '';
  readonly problem: { readonly description: string; readonly deadline: string } | null;
}

export interface ReturnedRow {
  readonly row: number;
  readonly outcome: 'record' | 'unchanged' | 'reject';
  readonly entityName: string;
  readonly reason: string;
}

export interface ReturnedPlan {
  readonly records: readonly ReturnedRecord[];
  readonly rows: readonly ReturnedRow[];
  /** Rows without a 督导日期 yet (visits still to come). */
  readonly pending: number;
}

const RESULTS: Readonly<Record<string, CheckResult>> = { 符合: '符合', 合格: '符合', 不符合: '不符合', 不合格: '不符合', 不适用: '不适用' };

/**
 * Reads the filled 督导记录表 of a returned handbook (docs/domain.md#工作手册): each row names its visit by the
 * hidden 记录编号. Rows already recorded the same way are unchanged, so a second import of the
 * same file adds nothing.
 */
export function readReturnedRecords(
  sheets: readonly Sheet[],
  visits: readonly Visit[],
  today: string,
  closedYears: readonly number[] = [],
): ReturnedPlan | { error: string } {
  const sheet =
    sheets.find((s) => s.name === RECORD_SHEET) ?? sheets.find((s) => s.rows.some((r) => r.some((c) => cellText(c) === RECORD_KEY_HEADER)));
  if (!sheet) return { error: `文件中没有“${RECORD_SHEET}”工作表，请选择交回的包保干部工作手册` };
  // Rows the file leaves out are holes, which findIndex (unlike some) visits.
  const headerIndex = sheet.rows.findIndex((r = []) => r.some((c) => cellText(c) === RECORD_KEY_HEADER));
  if (headerIndex < 0) return { error: `“${RECORD_SHEET}”中找不到“${RECORD_KEY_HEADER}”列：请勿删除手册中的隐藏列，或重新导出手册` };
  const header = (sheet.rows[headerIndex] ?? []).map((c) => cellText(c));
  const col = (label: string): number => header.indexOf(label);
  const [key, name, date, result, problem, deadline] = [
    RECORD_KEY_HEADER,
    '主体名称',
    '督导日期',
    '检查结果',
    '发现的问题',
    '整改期限',
  ].map(col);
  const byId = new Map(visits.map((v) => [v.id, v]));

  const records: ReturnedRecord[] = [];
  const rows: ReturnedRow[] = [];
  let pending = 0;
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? [];
    const at = (index: number | undefined) => (index === undefined || index < 0 ? null : (cells[index] ?? null));
    const visitId = cellText(at(key));
    const entityName = cellText(at(name));
    if (!visitId && !entityName) continue;
    const row = i + 1;
    const reject = (reason: string): void => void rows.push({ row, outcome: 'reject', entityName, reason });
    if (cellText(at(date)) === '') {
      pending++;
      continue;
    }
    const visit = byId.get(visitId);
    if (!visit) {
      reject(
        visitId
          ? `记录编号“${visitId}”不在本系统的督导计划中（可能已重新生成计划或被改动），请核对后手工录入`
          : '缺少记录编号（隐藏列被删除或改动），请重新导出手册或手工录入',
      );
      continue;
    }
    const done = parseDateCell(at(date), '督导日期');
    if (!done.ok) {
      reject(done.message);
      continue;
    }
    if (done.value > today) {
      reject(`督导日期${done.value}晚于今天，请核对`);
      continue;
    }
    // A year closed by 年度切换 is read-only: its visits are not recorded any more.
    const closed = [visit.doneDate ?? visit.plannedDate, done.value].map((d) => Number(d.slice(0, 4))).find((y) => closedYears.includes(y));
    if (closed !== undefined) {
      reject(`${closed} 年度已在年度切换时关闭，该年的督导记录不能再录入`);
      continue;
    }
    const resultText = cellText(at(result));
    const checkResult = resultText === '' ? '' : RESULTS[resultText];
    if (checkResult === undefined) {
      reject(`检查结果“${resultText}”应填“符合”“不符合”或“不适用”`);
      continue;
    }
    const description = cellText(at(problem));
    const unreadable = textProblem(description, '发现的问题');
    if (unreadable) {
      reject(unreadable);
      continue;
    }
    const due = parseDateCell(at(deadline), '整改期限');
    if (!due.ok) {
      reject(due.message);
      continue;
    }
    if (description && !due.value) {
      reject('填写了发现的问题但缺少整改期限');
      continue;
    }
    const record: ReturnedRecord = {
      visitId,
      doneDate: done.value,
      result: checkResult,
      problem: description ? { description, deadline: due.value } : null,
    };
    const same =
      visit.doneDate === record.doneDate &&
      visit.problems.length === (record.problem ? 1 : 0) &&
      (!record.problem ||
        (visit.problems[0]?.description === record.problem.description && visit.problems[0]?.deadline === record.problem.deadline));
    rows.push({ row, outcome: same ? 'unchanged' : 'record', entityName: entityName || visit.entityId, reason: '' });
    if (!same) records.push(record);
  }
  return { records, rows, pending };
}

// The bench's library "in use" (issue 20): a demo library after three years of 督导 and a long
// 操作日志. Deterministic: every choice is made from the record's position, nothing is random.
import { WorkCalendar } from '@shared/calendar/calendar';
import type { Entity, LogEntry } from '@shared/domain/schemas';
import type { DataDoc } from '@shared/storage/types';
import type { Visit } from '@shared/visits/types';
import { planVisits } from '@shared/visits/plan';

/** Two past years fully done; the current (plan) year done up to its middle. */
const HALF_YEAR = '-07-01';
/** A problem on 1 visit in 7; 5 of 6 of those closed (销号), the rest awaiting 整改. */
const PROBLEM_EVERY = 7;
const OPEN_EVERY = 6;
const LOG_ENTRIES = 100_000;

export function addHistory(doc: DataDoc): void {
  const year = doc.profile.planYear;
  const calendar = new WorkCalendar();
  // The demo's 包保关系 begin this year; here they have stood since the first year of the history.
  const assignments = doc.assignments.filter((a) => a.end === '').map((a) => ({ ...a, start: `${year - 2}-01-01` }));
  const cadreLevel = new Map(doc.cadres.map((c) => [c.id, c.level]));
  const visits: Visit[] = [];
  for (const y of [year - 2, year - 1, year]) {
    const plan = planVisits({
      year: y,
      assignments,
      entities: doc.entities,
      cadres: doc.cadres,
      calendar,
      rules: doc.profile.visitRules,
      existing: [],
    });
    const doneBefore = y === year ? `${y}${HALF_YEAR}` : `${y + 1}-01-01`;
    plan.visits.forEach((draft, i) => {
      const id = `V-${y}-${i}`;
      const visit: Visit = {
        id,
        entityId: draft.entityId,
        cadreId: draft.cadreId,
        plannedDate: draft.plannedDate,
        checklist: [],
        problems: [],
        notes: '',
      };
      if (draft.plannedDate < doneBefore) recordDone(visit, i, doc.profile.checklistByLevel[cadreLevel.get(draft.cadreId) ?? 'village']);
      visits.push(visit);
    });
  }
  doc.visits = visits;
  doc.log = historyLog(doc, visits);
}

function recordDone(visit: Visit, i: number, items: readonly string[]): void {
  const failed = i % PROBLEM_EVERY === 0;
  visit.doneDate = visit.plannedDate;
  visit.type = '现场';
  visit.checklist = items.map((item, n) => ({ item, result: failed && n === 0 ? '不符合' : '符合' }));
  if (!failed) return;
  const deadline = `${visit.plannedDate.slice(0, 8)}28`;
  const open = (i / PROBLEM_EVERY) % OPEN_EVERY === 0;
  const by = '管理员';
  visit.problems = [
    {
      id: `Q-${visit.id}`,
      description: i % 2 === 0 ? '每日食品安全检查记录缺失，周排查报告未按时形成' : '过期食品未及时下架',
      deadline,
      ...(open ? {} : { rectifiedOn: deadline }),
      steps: [
        { step: '交办', on: visit.plannedDate, by, note: '', to: '昭君市场监督管理所', regulatorId: '' },
        ...(open
          ? []
          : [
              { step: '整改' as const, on: deadline, by, note: '已补齐检查记录，周排查报告已形成' },
              { step: '复核通过' as const, on: deadline, by: '高峰', note: '' },
              { step: '销号' as const, on: deadline, by, note: '' },
            ]),
      ],
    },
  ];
}

/** As the handlers log (context.ts): mostly recorded visits (before and after), then 主体 edits, then short entries. */
function historyLog(doc: DataDoc, visits: readonly Visit[]): LogEntry[] {
  const done = visits.filter((v) => v.doneDate !== undefined);
  const entities: readonly Entity[] = doc.entities;
  const operator = doc.profile.operatorName;
  return Array.from({ length: LOG_ENTRIES }, (_, i): LogEntry => {
    const at = new Date(Date.UTC(doc.profile.planYear - 2, 0, 5) + i * 9 * 60_000).toISOString();
    const kind = i % 10;
    if (kind < 6 && done.length > 0) {
      const visit = done[(i * 7919) % done.length] as Visit;
      const before = { ...visit, checklist: [], problems: [] };
      delete before.doneDate;
      delete before.type;
      return {
        at,
        operator,
        action: 'visits:record',
        summary: `记录督导：（${visit.doneDate}，问题 ${visit.problems.length} 个）`,
        before,
        after: visit,
      };
    }
    if (kind < 8 && entities.length > 0) {
      const entity = entities[(i * 104_729) % entities.length] as Entity;
      return {
        at,
        operator,
        action: 'entities:save',
        summary: `修改主体“${entity.name}”`,
        before: entity,
        after: { ...entity, notes: '已核实' },
      };
    }
    return { at, operator, action: 'problems:step', summary: '问题销号（过期食品未及时下架，经办人 管理员）' };
  });
}

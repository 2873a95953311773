import { AssignmentSchema, CADRE_LEVEL_LABELS, type Assignment } from '../../domain/schemas';
import { cellCode, cellText, numberCellProblem } from '../cell';
import type { RecordColumn, RecordContext, RecordDefinition } from '../types';
import { regionColumns, RowReader, schemaErrors } from './common';
import { lookups } from './lookups';

interface AssignmentPatch {
  entityId?: string;
  cadreId?: string;
  start?: string;
}

const entityOf = (a: Assignment, ctx: RecordContext) => lookups(ctx).entityById.get(a.entityId);
const cadreOf = (a: Assignment, ctx: RecordContext) => lookups(ctx).cadreById.get(a.cadreId);
const text = (
  key: string,
  label: string,
  synonyms: string[],
  width: number,
  importable: boolean,
  value: (a: Assignment, ctx: RecordContext) => string,
): RecordColumn<Assignment> => ({
  key,
  label,
  synonyms,
  width,
  format: 'text',
  importable,
  value,
});

/** 包保关系: 主体 by 统一社会信用代码 (or name and region), cadre by phone (or a unique name). */
export const assignmentColumns: readonly RecordColumn<Assignment>[] = [
  text(
    'entityName',
    '主体名称',
    ['单位名称', '企业名称', '被包保主体', '包保主体', '名称'],
    28,
    true,
    (a, ctx) => entityOf(a, ctx)?.name ?? '',
  ),
  text('uscc', '统一社会信用代码', ['社会信用代码', '信用代码'], 21, true, (a, ctx) => entityOf(a, ctx)?.uscc ?? ''),
  text('grade', '包保等级', ['等级'], 8, false, (a, ctx) => entityOf(a, ctx)?.grade ?? ''),
  ...regionColumns<Assignment>((a, ctx) => entityOf(a, ctx)?.regionId ?? ''),
  text('cadreName', '包保干部', ['包保干部姓名', '包保领导', '干部姓名', '包保责任人'], 10, true, (a, ctx) => cadreOf(a, ctx)?.name ?? ''),
  text('cadreLevel', '干部层级', ['层级'], 8, false, (a, ctx) => {
    const cadre = cadreOf(a, ctx);
    return cadre ? CADRE_LEVEL_LABELS[cadre.level] : '';
  }),
  text('cadrePhone', '干部电话', ['包保干部电话', '干部联系电话', '包保领导电话'], 14, true, (a, ctx) => cadreOf(a, ctx)?.phone ?? ''),
  {
    key: 'start',
    label: '包保起始日期',
    synonyms: ['起始日期', '开始日期', '包保日期', '包保开始日期', '开始时间'],
    width: 12,
    format: 'date',
    importable: true,
    value: (a) => ({ date: a.start }),
  },
];

export const assignmentDefinition: RecordDefinition<Assignment, AssignmentPatch> = {
  kind: 'assignments',
  columns: assignmentColumns,
  requiredKeys: ['entityName', 'uscc'],
  records: (doc) => doc.assignments.filter((a) => a.end === ''),
  describe: (a, ctx) => entityOf(a, ctx)?.name ?? '',

  parseRow(cells, ctx) {
    const reader = new RowReader<AssignmentPatch>(cells);
    const { entityByKey, cadreById } = lookups(ctx);
    const uscc = cellCode(cells.get('uscc'));
    const name = cellText(cells.get('entityName'));
    const inNumberCell = numberCellProblem(cells.get('uscc'), '统一社会信用代码');
    if (inNumberCell) return { patch: {}, errors: [inNumberCell], warnings: [] };
    let entityKey = uscc ? `统一社会信用代码 ${uscc}` : '';
    if (!uscc) {
      const region = reader.region(ctx, '主体所属乡镇', () => null);
      entityKey = region ? `名称 ${name}（${ctx.regions.path(region.id)}）` : '';
      if (!region && reader.errors.length === 0) reader.errors.push('请填写主体的统一社会信用代码，或主体名称及所属乡镇、村');
    }
    const entity = entityKey ? entityByKey.get(entityKey) : undefined;
    if (entityKey && !entity) reader.errors.push(`找不到主体“${name || uscc}”，请先导入包保主体`);
    if (entity) reader.patch.entityId = entity.id;

    const cadreName = cellText(cells.get('cadreName'));
    const cadrePhone = cellCode(cells.get('cadrePhone'));
    const candidates = [...cadreById.values()].filter((c) => (cadrePhone ? c.phone === cadrePhone : c.name === cadreName));
    if (!cadreName && !cadrePhone) reader.errors.push('缺少包保干部姓名或电话');
    else if (candidates.length === 0) reader.errors.push(`找不到包保干部“${cadreName || cadrePhone}”，请先导入干部名单`);
    else if (candidates.length > 1) reader.errors.push(`包保干部“${cadreName}”有${candidates.length}人重名，请填写干部电话`);
    else if (candidates[0]) reader.patch.cadreId = candidates[0].id;
    reader.set('start', 'start', (cell) => reader.date(cell, '包保起始日期') || undefined);
    return { patch: reader.patch, errors: reader.errors, warnings: reader.warnings };
  },

  /** One current cadre per 主体: a row replaces the 主体's current assignment. */
  target(patch, ctx) {
    const { currentAssignment, entityById } = lookups(ctx);
    const current = currentAssignment.get(patch.entityId ?? '');
    const entity = entityById.get(patch.entityId ?? '');
    return { key: `主体 ${entity?.name ?? ''}（${entity?.uscc || (entity ? ctx.regions.path(entity.regionId) : '')}）`, existing: current };
  },

  merge(existing, patch, ctx) {
    if (existing && existing.cadreId === patch.cadreId) return { ok: true, record: existing };
    const parsed = AssignmentSchema.safeParse({
      id: ctx.newId('A'),
      entityId: patch.entityId,
      cadreId: patch.cadreId,
      start: patch.start ?? ctx.today,
      end: '',
      reason: existing ? '调整' : '新建',
      endReason: '',
      manual: true,
    });
    return parsed.success ? { ok: true, record: parsed.data } : { ok: false, errors: schemaErrors(parsed.error) };
  },

  /** The previous assignment ends the day the new one starts; history is kept. */
  apply(doc, changes) {
    const byId = new Map(doc.assignments.map((a) => [a.id, a]));
    for (const { existing, record } of changes) {
      const previous = existing ? byId.get(existing.id) : undefined;
      if (previous) {
        previous.end = record.start;
        previous.endReason = '调整';
      }
      doc.assignments.push(record);
    }
  },
};

import { RegulatorSchema, type Regulator } from '../../domain/schemas';
import { cellText } from '../cell';
import type { RecordColumn, RecordDefinition } from '../types';
import { RowReader, schemaErrors, textColumn, upsertById } from './common';

type RegulatorPatch = Partial<Omit<Regulator, 'id'>>;

const text = textColumn<Regulator>;

export const regulatorColumns: readonly RecordColumn<Regulator>[] = [
  text('name', '姓名', ['监管人员', '网格监管人员', '网格员', '监管人员姓名'], 10, (r) => r.name),
  text('unit', '工作单位', ['单位', '所在单位', '所属市场监管所', '市场监管所'], 24, (r) => r.unit),
  text('phone', '联系电话', ['手机号', '电话', '手机', '联系方式'], 14, (r) => r.phone),
  // "达拉特旗/昭君镇、达拉特旗/王爱召镇": each area as 旗区/乡镇 so that names stay unambiguous.
  text('regions', '负责区域', ['网格', '负责乡镇', '监管区域', '网格区域', '包片区域', '负责网格'], 36, (r, ctx) =>
    r.regionIds.map((id) => ctx.regions.path(id).replace(/ \/ /g, '/')).join('、'),
  ),
];

export const regulatorDefinition: RecordDefinition<Regulator, RegulatorPatch> = {
  kind: 'regulators',
  columns: regulatorColumns,
  requiredKeys: ['name'],
  records: (doc) => doc.regulators,
  describe: (r) => r.name,

  parseRow(cells, ctx) {
    const reader = new RowReader<RegulatorPatch>(cells);
    reader.set('name', 'name', (cell) => {
      const name = cellText(cell);
      if (name === '') reader.errors.push('缺少姓名');
      return name || undefined;
    });
    reader.set('unit', 'unit', cellText);
    reader.set('phone', 'phone', (cell) => reader.phone(cell, '联系电话'));
    reader.set('regionIds', 'regions', (cell) => {
      const ids: string[] = [];
      for (const area of cellText(cell)
        .split(/[、,，;；\n]+/)
        .map((a) => a.trim())
        .filter(Boolean)) {
        const parts = area.split(/\s*[/／]\s*/);
        const [a = '', b = '', c = ''] = parts;
        const names =
          parts.length >= 3
            ? { county: a, township: b, village: c }
            : parts.length === 2
              ? { county: a, township: b, village: '' }
              : { county: '', township: a, village: '' };
        const found = ctx.matcher.match(names);
        if (!found.ok) reader.errors.push(`负责区域：${found.message}`);
        else if (found.region && !ids.includes(found.region.id)) ids.push(found.region.id);
      }
      return ids;
    });
    return { patch: reader.patch, errors: reader.errors, warnings: reader.warnings };
  },

  target(patch, ctx) {
    if (patch.phone) return { key: `电话 ${patch.phone}`, existing: ctx.doc.regulators.find((r) => r.phone === patch.phone) };
    const key = `姓名 ${patch.name ?? ''}（${patch.unit ?? ''}）`;
    return { key, existing: ctx.doc.regulators.find((r) => r.name === patch.name && r.unit === (patch.unit ?? r.unit)) };
  },

  merge(existing, patch, ctx) {
    const parsed = RegulatorSchema.safeParse({ ...existing, ...patch, id: existing?.id ?? ctx.newId('G') });
    return parsed.success ? { ok: true, record: parsed.data } : { ok: false, errors: schemaErrors(parsed.error) };
  },

  apply: (doc, changes) => upsertById(doc.regulators, changes),
};

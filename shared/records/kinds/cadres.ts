import { CADRE_LEVEL_LABELS, CadreInputSchema, CadreSchema, type Cadre, type CadreLevel, type Region } from '../../domain/schemas';
import { cellText, parseChoice, parseYesNo } from '../cell';
import type { RecordColumn, RecordContext, RecordDefinition } from '../types';
import { stampInactiveSince } from '../../rules/inactive';
import { cadreRegionProblem } from '../../rules/region-level';
import { regionColumns, RowReader, schemaErrors, textColumn, upsertById } from './common';

type CadrePatch = Partial<Omit<Cadre, 'id'>>;

const LEVEL_WORDS: Readonly<Record<string, CadreLevel>> = {
  市级: 'city',
  市: 'city',
  盟市级: 'city',
  旗区级: 'county',
  旗级: 'county',
  区级: 'county',
  县级: 'county',
  旗区: 'county',
  '旗(区)级': 'county',
  旗县级: 'county',
  乡镇级: 'township',
  乡级: 'township',
  镇级: 'township',
  苏木级: 'township',
  街道级: 'township',
  '乡镇(街道)级': 'township',
  乡镇: 'township',
  村级: 'village',
  嘎查级: 'village',
  社区级: 'village',
  村: 'village',
  '村(社区)级': 'village',
};

const text = textColumn<Cadre>;

function commitmentOf(cadre: Cadre, ctx: RecordContext): string {
  return cadre.commitments.find((k) => k.year === ctx.doc.profile.planYear)?.signedOn ?? '';
}

export const cadreColumns: readonly RecordColumn<Cadre>[] = [
  text('name', '姓名', ['干部姓名', '包保干部', '包保干部姓名', '包保领导', '包保领导姓名', '包保责任人'], 10, (c) => c.name),
  text('unit', '工作单位', ['单位', '所在单位', '工作单位及职务'], 24, (c) => c.unit),
  text('position', '职务', ['职位', '职务职级', '现任职务'], 16, (c) => c.position),
  text('level', '层级', ['干部层级', '包保层级', '级别', '包保级别', '干部级别'], 8, (c) => CADRE_LEVEL_LABELS[c.level]),
  ...regionColumns<Cadre>((c) => c.regionId),
  text('phone', '联系电话', ['手机号', '电话', '手机', '联系方式', '手机号码'], 14, (c) => c.phone),
  text('active', '在岗', ['是否在岗', '在岗状态', '状态'], 6, (c) => (c.active ? '是' : '否')),
  {
    key: 'commitment',
    label: '承诺书签订日期',
    synonyms: ['承诺书', '签订承诺书日期', '责任与任务承诺书签订日期'],
    width: 12,
    format: 'date',
    importable: true,
    value: (c, ctx) => {
      const signed = commitmentOf(c, ctx);
      return signed ? { date: signed } : null;
    },
  },
  text('notes', '备注', ['说明'], 20, (c) => c.notes),
  {
    key: 'entityCount',
    label: '包保主体数',
    synonyms: [],
    width: 8,
    format: 'number',
    importable: false,
    value: (c, ctx) => ctx.doc.assignments.reduce((n, a) => n + (a.cadreId === c.id && a.end === '' ? 1 : 0), 0),
  },
];

export const cadreDefinition: RecordDefinition<Cadre, CadrePatch> = {
  kind: 'cadres',
  columns: cadreColumns,
  requiredKeys: ['name'],
  records: (doc) => doc.cadres,
  describe: (c) => c.name,

  parseRow(cells, ctx) {
    const reader = new RowReader<CadrePatch>(cells);
    reader.set('name', 'name', (cell) => {
      const name = cellText(cell);
      if (name === '') reader.errors.push('缺少干部姓名');
      return name || undefined;
    });
    reader.set('unit', 'unit', cellText);
    reader.set('position', 'position', cellText);
    reader.set(
      'level',
      'level',
      (cell) => reader.parsed(parseChoice(cell, '层级', LEVEL_WORDS, '市级、旗区级、乡镇级或村级')) || undefined,
    );
    const area = cadreArea(reader, ctx);
    if (area) {
      reader.patch.regionId = area.id;
      reader.patch.level ??= area.level;
      const problem = cadreRegionProblem(reader.patch.level, area);
      if (problem) reader.errors.push(problem);
    }
    reader.set('phone', 'phone', (cell) => reader.phone(cell, '联系电话'));
    reader.set('active', 'active', (cell) => reader.parsed(parseYesNo(cell, '在岗', true)));
    if (reader.has('commitment')) {
      const signedOn = reader.date(reader.cells.get('commitment'), '承诺书签订日期');
      if (signedOn !== undefined) reader.patch.commitments = signedOn ? [{ year: ctx.doc.profile.planYear, signedOn }] : [];
    }
    reader.set('notes', 'notes', cellText);
    return { patch: reader.patch, errors: reader.errors, warnings: reader.warnings };
  },

  /** 电话 first (names repeat), then name within the same area. */
  target(patch, ctx) {
    if (patch.phone) return { key: `电话 ${patch.phone}`, existing: ctx.doc.cadres.find((c) => c.phone === patch.phone) };
    const key = `姓名 ${patch.name ?? ''}（${patch.regionId ? ctx.regions.path(patch.regionId) : ''}）`;
    return { key, existing: ctx.doc.cadres.find((c) => c.name === patch.name && c.regionId === patch.regionId) };
  },

  merge(existing, patch, ctx) {
    // The sheet's 承诺书 date is this plan year's; other years' dates stay.
    const otherYears = (existing?.commitments ?? []).filter((k) => k.year !== ctx.doc.profile.planYear);
    const commitments = patch.commitments ? [...otherYears, ...patch.commitments] : existing?.commitments;
    const parsed = CadreInputSchema.safeParse({ ...existing, ...patch, commitments });
    if (!parsed.success) return { ok: false, errors: schemaErrors(parsed.error) };
    return {
      ok: true,
      record: stampInactiveSince(existing, CadreSchema.parse({ ...parsed.data, id: existing?.id ?? ctx.newId('C') }), ctx.today),
    };
  },

  apply: (doc, changes) => upsertById(doc.cadres, changes),
};

/** The area from the 旗区/乡镇/村 columns; all blank means the city itself (市级 cadres). */
function cadreArea(reader: RowReader<CadrePatch>, ctx: RecordContext): Region | undefined {
  const columns = ['county', 'township', 'village'];
  if (!columns.some((key) => reader.has(key))) return undefined;
  if (columns.some((key) => reader.text(key) !== '')) return reader.region(ctx, '包保区域', () => null) ?? undefined;
  const cities = ctx.doc.regions.filter((r) => r.level === 'city');
  if (cities.length !== 1 || !cities[0]) {
    reader.errors.push('未填包保区域，请填写旗区、乡镇或村');
    return undefined;
  }
  return cities[0];
}

import { REGION_LEVEL_LABELS, RegionSchema, type Region, type RegionLevel } from '../../domain/schemas';
import { textProblem } from '../../domain/text';
import { cellCode, type Cell } from '../cell';
import type { RecordColumn, RecordContext, RecordDefinition } from '../types';
import { RowReader, schemaErrors, upsertById } from './common';

interface RegionPatch {
  /** The deepest node the row names: stored, or new (with any new parents) for this import. */
  readonly node?: Region;
  readonly code?: string;
}

const LEVELS = ['county', 'township', 'village'] as const;
const KIND_BY_SUFFIX: readonly [RegExp, string][] = [
  [/街道$/, '街道'],
  [/苏木$/, '苏木'],
  [/嘎查$/, '嘎查'],
  [/社区$/, '社区'],
  [/镇$/, '镇'],
  [/乡$/, '乡'],
  [/村$/, '村'],
  [/旗$/, '旗'],
  [/区$/, '区'],
  [/县$/, '县'],
  [/市$/, '市'],
];

function kindOf(name: string): string {
  return KIND_BY_SUFFIX.find(([suffix]) => suffix.test(name))?.[1] ?? '';
}

/** Nodes an import creates, shared by its rows so that a new 乡镇 is one node for all its 村. */
const pendingByContext = new WeakMap<RecordContext, Map<string, Region>>();
function pending(ctx: RecordContext): Map<string, Region> {
  let map = pendingByContext.get(ctx);
  if (!map) {
    map = new Map();
    pendingByContext.set(ctx, map);
  }
  return map;
}

const nameAt =
  (level: RegionLevel) =>
  (r: Region, ctx: RecordContext): Cell =>
    ctx.regions.atLevel(r.id, level)?.name ?? '';

export const regionColumns: readonly RecordColumn<Region>[] = [
  {
    key: 'city',
    label: '市',
    synonyms: ['盟市', '所属市', '地市', '市州', '地级'],
    width: 10,
    format: 'text',
    importable: true,
    value: nameAt('city'),
  },
  {
    key: 'county',
    label: '旗区',
    synonyms: ['所属旗区', '旗(区)', '旗县区', '县区', '区县', '县级'],
    width: 10,
    format: 'text',
    importable: true,
    value: nameAt('county'),
  },
  {
    key: 'township',
    label: '乡镇(街道、苏木)',
    synonyms: ['所属乡镇', '乡镇(街道)', '乡镇街道苏木', '乡镇', '乡级'],
    width: 16,
    format: 'text',
    importable: true,
    value: nameAt('township'),
  },
  {
    key: 'village',
    label: '村(社区、嘎查)',
    synonyms: ['村(社区)', '村社区', '社区', '嘎查村', '村', '村级'],
    width: 16,
    format: 'text',
    importable: true,
    value: nameAt('village'),
  },
  {
    key: 'code',
    label: '区划代码',
    synonyms: ['统计用区划代码', '代码', '行政区划代码', '区划编码'],
    notWords: ['城乡分类'],
    width: 15,
    format: 'text',
    importable: true,
    value: (r) => r.code,
  },
];

export const regionDefinition: RecordDefinition<Region, RegionPatch> = {
  kind: 'regions',
  columns: regionColumns,
  requiredKeys: ['township', 'county', 'village'],
  records: (doc) => doc.regions.filter((r) => r.level !== 'city'),
  describe: (r) => r.name,

  parseRow(cells, ctx) {
    const reader = new RowReader<RegionPatch>(cells);
    let parent = cityOf(reader, ctx);
    if (!parent) return { patch: {}, errors: reader.errors, warnings: reader.warnings };
    for (const level of LEVELS) {
      const name = reader.text(level).replace(/\s+/g, '');
      if (!name) continue;
      const problem = textProblem(name, `${REGION_LEVEL_LABELS[level]}名称`);
      if (problem) return { patch: {}, errors: [problem], warnings: [] };
      const parentId: string = parent.id;
      const known =
        ctx.regions.children(parentId).find((r) => r.name === name && r.level === level) ?? pending(ctx).get(`${parentId}/${name}`);
      parent = known ?? { id: ctx.newId('R'), name, level, parentId, code: '', kind: kindOf(name) };
      pending(ctx).set(`${parentId}/${name}`, parent);
    }
    if (parent.level === 'city') return { patch: {}, errors: ['缺少旗区、乡镇或村的名称'], warnings: [] };
    const code = cellCode(cells.get('code'));
    const validCode = /^\d{12}$/.test(code) || (parent.level === 'county' && /^\d{6}$/.test(code));
    if (code && !validCode) {
      reader.errors.push(`区划代码“${code}”应为12位数字（旗区可为6位）`);
    }
    return { patch: { node: parent, ...(reader.has('code') && code ? { code } : {}) }, errors: reader.errors, warnings: reader.warnings };
  },

  target(patch, ctx) {
    const node = patch.node;
    const stored = node ? ctx.regions.get(node.id) : undefined;
    return { key: node ? `${pathOf(node, ctx)}` : '', existing: stored };
  },

  merge(existing, patch, ctx) {
    const parsed = RegionSchema.safeParse({ ...(existing ?? patch.node), ...(patch.code ? { code: patch.code } : {}) });
    if (!parsed.success) return { ok: false, errors: schemaErrors(parsed.error) };
    const clash = codeClash(parsed.data, ctx);
    return clash ? { ok: false, errors: [clash] } : { ok: true, record: parsed.data };
  },

  apply(doc, changes, ctx) {
    // New parents first, then the rows' own nodes.
    const have = new Set(doc.regions.map((r) => r.id));
    const byId = new Map([...pending(ctx).values()].map((r) => [r.id, r]));
    for (const { record } of changes) {
      const chain: Region[] = [];
      for (let id = record.parentId; id && !have.has(id); id = byId.get(id)?.parentId ?? null) {
        const node = byId.get(id);
        if (node) chain.unshift(node);
      }
      for (const node of chain) {
        doc.regions.push(node);
        have.add(node.id);
      }
    }
    upsertById(doc.regions, changes);
  },
};

/** 区划代码 by region: the library's, and those this import's rows have taken so far. */
const codesByContext = new WeakMap<RecordContext, { stored: Map<string, Region>; taken: Map<string, Region> }>();

/** Why `region` cannot have its 区划代码: another region of the library or an earlier row of the file has it. */
function codeClash(region: Region, ctx: RecordContext): string | null {
  if (!region.code) return null;
  let codes = codesByContext.get(ctx);
  if (!codes) {
    codes = { stored: new Map(ctx.doc.regions.filter((r) => r.code).map((r) => [r.code, r])), taken: new Map() };
    codesByContext.set(ctx, codes);
  }
  const stored = codes.stored.get(region.code);
  if (stored && stored.id !== region.id) {
    return `区划代码 ${region.code} 已是“${pathOf(stored, ctx)}”的代码，不能再给“${pathOf(region, ctx)}”，请核对代码`;
  }
  const taken = codes.taken.get(region.code);
  if (taken && taken.id !== region.id) {
    return `区划代码 ${region.code} 在本文件中已给了“${pathOf(taken, ctx)}”，不能再给“${pathOf(region, ctx)}”，请核对代码`;
  }
  codes.taken.set(region.code, region);
  return null;
}

/** The city the row belongs to: its 市 column, or the library's only city. */
function cityOf(reader: RowReader<RegionPatch>, ctx: RecordContext): Region | undefined {
  const cities = ctx.doc.regions.filter((r) => r.level === 'city');
  const name = reader.text('city').replace(/\s+/g, '');
  if (name) {
    const problem = textProblem(name, '市名称');
    if (problem) {
      reader.errors.push(problem);
      return undefined;
    }
    const city = cities.find((c) => c.name === name) ??
      pending(ctx).get(`/${name}`) ?? { id: ctx.newId('R'), name, level: 'city' as const, parentId: null, code: '', kind: '市' };
    pending(ctx).set(`/${name}`, city);
    return city;
  }
  if (cities.length === 1) return cities[0];
  reader.errors.push(
    cities.length === 0 ? '区划表中还没有市级区划，请增加“市”列（如 鄂尔多斯市）' : '区划表中有多个市，请增加“市”列写明所属市',
  );
  return undefined;
}

function pathOf(node: Region, ctx: RecordContext): string {
  const names: string[] = [];
  const byId = new Map([...pending(ctx).values()].map((r) => [r.id, r]));
  // Bounded like RegionIndex.ancestry: a region tree is four levels deep, whatever the data says.
  for (
    let n: Region | undefined = node;
    n && names.length < 10;
    n = n.parentId ? (ctx.regions.get(n.parentId) ?? byId.get(n.parentId)) : undefined
  ) {
    names.unshift(n.name);
  }
  return names.join('/');
}

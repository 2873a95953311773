import { checkUscc } from '../../domain/uscc';
import { classifyLicense } from '../../domain/license';
import {
  BUSINESS_KINDS,
  EntityInputSchema,
  type BusinessKind,
  type CanteenKind,
  type Entity,
  type EntityStatus,
  type EntityType,
  type Grade,
  type Person,
  type Scale,
} from '../../domain/schemas';
import { entityRegionProblem } from '../../rules/region-level';
import { cellCode, cellText, formatPeople, numberCellProblem, parseChoice, parsePeople, parseYesNo } from '../cell';
import type { RecordColumn, RecordContext, RecordDefinition } from '../types';
import { regionColumns, RowReader, schemaErrors, textColumn, upsertById } from './common';
import { guessEntityType, guessText, type EntityTypeGuess } from './entity-type-guess';
import { lookups } from './lookups';

type EntityPatch = Partial<Omit<Entity, 'id'>>;

const GRADE_WORDS: Readonly<Record<string, Grade>> = Object.fromEntries(
  (['A', 'B', 'C', 'D'] as const).flatMap((g) => [
    [g, g],
    [`${g}级`, g],
    [`${g}类`, g],
  ]),
);
const TYPE_WORDS: Readonly<Record<string, EntityType>> = {
  企业: '企业',
  公司: '企业',
  企业法人: '企业',
  个体工商户: '个体工商户',
  个体: '个体工商户',
  个体户: '个体工商户',
  小作坊: '小作坊',
  食品小作坊: '小作坊',
  作坊: '小作坊',
  小餐饮: '小餐饮',
  小餐饮店: '小餐饮',
  食品摊贩: '食品摊贩',
  摊贩: '食品摊贩',
  小摊贩: '食品摊贩',
  其他: '其他',
  其它: '其他',
};
const SCALE_WORDS: Readonly<Record<string, Scale>> = {
  大型: '大型',
  大: '大型',
  中型: '中型',
  中: '中型',
  小型: '小型',
  小: '小型',
  微型: '微型',
  微: '微型',
};
const STATUS_WORDS: Readonly<Record<string, EntityStatus>> = {
  在营: '在营',
  存续: '在营',
  营业: '在营',
  开业: '在营',
  正常: '在营',
  停业: '停业',
  歇业: '停业',
  注销: '注销',
  吊销: '注销',
  已注销: '注销',
};
const KIND_WORDS: Readonly<Record<string, BusinessKind>> = {
  ...Object.fromEntries(BUSINESS_KINDS.map((k) => [k, k])),
  生产: '食品生产',
  食品生产: '食品生产',
  销售: '食品销售',
  经营: '食品销售',
  流通: '食品销售',
  餐饮: '餐饮服务',
  餐饮服务: '餐饮服务',
  特殊食品: '特殊食品',
  保健食品: '特殊食品',
  食堂: '集中用餐单位食堂',
  单位食堂: '集中用餐单位食堂',
};
const CANTEEN_WORDS: Readonly<Record<string, CanteenKind>> = {
  幼儿园: '幼儿园',
  托幼: '幼儿园',
  养老机构: '养老机构',
  养老: '养老机构',
  学校: '学校',
  其他单位: '其他单位',
  其他: '其他单位',
  机关: '其他单位',
  企业: '其他单位',
};

const text = textColumn<Entity>;
const date = (key: keyof Entity['duties'], label: string, synonyms: string[]): RecordColumn<Entity> => ({
  key: `duty.${key}`,
  label,
  synonyms,
  width: 12,
  format: 'date',
  importable: true,
  value: (e) => (e.duties[key] ? { date: e.duties[key] } : null),
});

export const entityColumns: readonly RecordColumn<Entity>[] = [
  text(
    'name',
    '主体名称',
    [
      '单位名称',
      '单位详细名称',
      '企业名称',
      '经营者名称',
      '生产者名称',
      '名称',
      '主体名称(企业名称)',
      '企业(主体)名称',
      '食品生产经营者名称',
    ],
    28,
    (e) => e.name,
  ),
  text('uscc', '统一社会信用代码', ['社会信用代码', '信用代码', '统一代码', '社会统一信用代码'], 21, (e) => e.uscc),
  text(
    'license',
    '许可证编号',
    ['许可证号', '食品经营许可证号', '食品生产许可证号', '许可证', '许可(备案)编号', '登记证号', '许可证编号(备案号)'],
    19,
    (e) => e.license,
  ),
  text('type', '主体类型', ['类型', '主体类别', '经营主体类型'], 10, (e) => e.type),
  text('businessKinds', '业态', ['经营业态', '业态类别', '经营类别'], 14, (e) => e.businessKinds.join('、')),
  text('scale', '规模', ['企业规模', '经营规模'], 6, (e) => e.scale),
  {
    ...text('grade', '包保等级', ['等级', '分级', '包保级别', '分级等级'], 8, (e) => e.grade),
    // 2016 风险分级 (A = lowest risk), 餐饮 量化分级 and 信用等级 are other scales (docs/domain.md#设置的规则).
    notWords: ['风险', '量化', '信用'],
    lookalikeQuestion:
      '是另一种分级（风险分级 A 级风险最低，包保等级 A 级最高），没有作为包保等级导入。如该列确是包保等级，请在“列对应”中把它对应为“包保等级”；否则请在表中增加“包保等级”列（A、B、C、D）后重新导入',
  },
  ...regionColumns<Entity>((e) => e.regionId),
  text('address', '地址', ['经营地址', '生产经营地址', '详细地址', '住所', '经营场所', '经营地点', '地址(经营场所)'], 30, (e) => e.address),
  text(
    'legalRep',
    '法定代表人(负责人)',
    ['法定代表人', '负责人', '主要负责人', '经营者', '法人', '法人代表', '业主', '法定代表人或负责人', '法定代表人姓名', '负责人姓名'],
    10,
    (e) => e.legalRep,
  ),
  {
    ...text(
      'legalRepPhone',
      '联系电话',
      ['手机号', '电话', '负责人电话', '法人电话', '联系方式', '手机', '联系人电话'],
      14,
      (e) => e.legalRepPhone,
    ),
    // The phone of someone else: 监管人员电话, 食品安全总监联系电话, 投诉举报电话.
    notWords: ['投诉', '举报', '监管', '网格', '总监', '安全员', '干部'],
  },
  text('directorName', '食品安全总监', ['总监', '食品安全总监姓名', '总监姓名'], 10, (e) => e.director?.name ?? ''),
  text('directorPhone', '总监电话', ['食品安全总监电话', '总监联系电话'], 14, (e) => e.director?.phone ?? ''),
  text('safetyOfficers', '食品安全员', ['安全员', '食品安全员(姓名电话)', '食品安全员姓名及电话', '食品安全管理员'], 24, (e) =>
    formatPeople(e.safetyOfficers),
  ),
  text(
    'regulator',
    '网格监管人员',
    ['监管人员', '网格员', '网格监管员', '网格监管责任人', '日常监管人员', '日常监督管理人员', '监管责任人'],
    10,
    (e, ctx) => lookups(ctx).regulatorById.get(e.regulatorId)?.name ?? '',
  ),
  text('status', '经营状态', ['状态', '登记状态'], 8, (e) => e.status),
  {
    key: 'chainHeadquarters',
    label: '连锁总部',
    synonyms: ['是否连锁总部'],
    width: 8,
    format: 'text',
    importable: true,
    value: (e) => (e.chainHeadquarters ? '是' : '否'),
  },
  text('canteenKind', '食堂类别', ['食堂类型'], 8, (e) => e.canteen?.kind ?? ''),
  {
    key: 'canteenHeadcount',
    label: '每餐就餐人数',
    synonyms: ['就餐人数', '供餐人数'],
    width: 8,
    format: 'number',
    importable: true,
    value: (e) => e.canteen?.mealHeadcount ?? null,
  },
  date('dailyWeeklyMonthly', '日管控周排查月调度建立日期', ['建立日管控周排查月调度', '日管控周排查月调度']),
  date('riskList', '风险管控清单建立日期', ['风险管控清单']),
  date('riskSystem', '纳入风险管控系统日期', ['纳入风险管控系统', '风险管控系统']),
  date('commitment', '主体责任承诺书签订日期', ['承诺书签订日期', '承诺书']),
  text('notes', '备注', ['说明'], 20, (e) => e.notes),
  {
    key: 'cadre',
    label: '包保干部',
    synonyms: [],
    width: 10,
    format: 'text',
    importable: false,
    value: (e, ctx) => {
      const l = lookups(ctx);
      return l.cadreById.get(l.currentCadre.get(e.id) ?? '')?.name ?? '';
    },
  },
];

function parseEntityRow(reader: RowReader<EntityPatch>, ctx: RecordContext): void {
  reader.set('name', 'name', (cell) => {
    const name = cellText(cell);
    if (name === '') reader.errors.push('缺少主体名称');
    return name || undefined;
  });
  reader.set('uscc', 'uscc', (cell) => {
    const code = cellCode(cell);
    if (code === '') return '';
    const inNumberCell = numberCellProblem(cell, '统一社会信用代码');
    if (inNumberCell) return reader.parsed({ ok: false, message: inNumberCell });
    const result = checkUscc(code);
    return reader.parsed(result.ok ? result : { ok: false, message: result.message });
  });
  reader.set('license', 'license', (cell) => {
    if (cellCode(cell) === '') return '';
    const license = classifyLicense(cellText(cell));
    if (license.warning) reader.warnings.push(license.warning);
    return license.value;
  });
  reader.set('type', 'type', (cell) => {
    const type = reader.parsed(parseChoice(cell, '主体类型', TYPE_WORDS, '企业、个体工商户、小作坊、小餐饮、食品摊贩或其他'));
    if (type !== '') return type;
    const guess = guessEntityType(reader.patch.uscc ?? '', reader.patch.name ?? '');
    reader.warnings.push(typeNote(guess));
    return guess?.type ?? '其他';
  });
  reader.set('businessKinds', 'businessKinds', (cell) => {
    const kinds: BusinessKind[] = [];
    for (const word of cellText(cell)
      .split(/[、,，;；/\s]+/)
      .filter(Boolean)) {
      const kind = KIND_WORDS[word];
      if (kind) {
        if (!kinds.includes(kind)) kinds.push(kind);
      } else reader.warnings.push(`业态“${word}”无法识别，未导入该项`);
    }
    return kinds;
  });
  reader.set('scale', 'scale', (cell) => reader.parsed(parseChoice(cell, '规模', SCALE_WORDS, '大型、中型、小型或微型')) || '微型');
  reader.set('grade', 'grade', (cell) => {
    const grade = reader.parsed(parseChoice(cell, '包保等级', GRADE_WORDS, 'A、B、C、D'));
    if (grade === '') reader.errors.push('缺少包保等级（A、B、C、D）');
    return grade || undefined;
  });
  const region = reader.region(ctx, '所属乡镇', (r) => entityRegionProblem(r) || null);
  if (region) reader.patch.regionId = region.id;
  reader.set('address', 'address', cellText);
  reader.set('legalRep', 'legalRep', cellText);
  reader.set('legalRepPhone', 'legalRepPhone', (cell) => reader.phone(cell, '联系电话'));
  if (reader.has('directorName') || reader.has('directorPhone')) {
    const name = reader.text('directorName');
    const phone = reader.phone(reader.cells.get('directorPhone'), '总监电话');
    if (phone !== undefined) reader.patch.director = name ? { name, phone } : null;
    if (!name && phone) reader.errors.push('填写了总监电话但缺少食品安全总监姓名');
  }
  reader.set('safetyOfficers', 'safetyOfficers', (cell) => {
    const people: Person[] = [];
    for (const person of parsePeople(cell)) {
      const phone = reader.phone(person.phone, `食品安全员${person.name}的电话`);
      if (phone !== undefined) people.push({ name: person.name, phone });
    }
    return people;
  });
  reader.set('regulatorId', 'regulator', (cell) => {
    const name = cellText(cell);
    if (name === '') return '';
    const namesakes = lookups(ctx).regulatorsByName.get(name) ?? [];
    const township = reader.patch.regionId ? ctx.regions.atLevel(reader.patch.regionId, 'township')?.id : undefined;
    const covering = namesakes.filter((r) => township && r.regionIds.includes(township));
    const chosen = namesakes.length === 1 ? namesakes[0] : covering.length === 1 ? covering[0] : undefined;
    if (!chosen) {
      reader.warnings.push(
        namesakes.length === 0 ? `网格监管人员“${name}”不在名单中，未关联` : `网格监管人员“${name}”有重名，无法确定是哪一位，未关联`,
      );
      return undefined;
    }
    return chosen.id;
  });
  reader.set('status', 'status', (cell) => reader.parsed(parseChoice(cell, '经营状态', STATUS_WORDS, '在营、停业或注销')) || '在营');
  reader.set('chainHeadquarters', 'chainHeadquarters', (cell) => reader.parsed(parseYesNo(cell, '连锁总部', false)));
  if (reader.has('canteenKind') || reader.has('canteenHeadcount')) {
    const kind = reader.parsed(parseChoice(reader.cells.get('canteenKind'), '食堂类别', CANTEEN_WORDS, '幼儿园、养老机构、学校或其他单位'));
    const headcount = Number(cellCode(reader.cells.get('canteenHeadcount')) || '0');
    if (!Number.isInteger(headcount) || headcount < 0) reader.errors.push(`每餐就餐人数“${reader.text('canteenHeadcount')}”应为整数`);
    else if (kind !== undefined) reader.patch.canteen = kind === '' ? null : { kind, mealHeadcount: headcount };
  }
  for (const key of ['dailyWeeklyMonthly', 'riskList', 'riskSystem', 'commitment'] as const) {
    const column = entityColumns.find((c) => c.key === `duty.${key}`);
    if (!column || !reader.has(column.key)) continue;
    const value = reader.date(reader.cells.get(column.key), column.label);
    if (value !== undefined) reader.patch.duties = { ...(reader.patch.duties ?? EMPTY_DUTIES), [key]: value };
  }
  reader.set('notes', 'notes', cellText);
}

/** 未填主体类型，由统一社会信用代码推断为“企业”，请核对 — or 按“其他”登记 when nothing tells. */
function typeNote(guess: EntityTypeGuess | null): string {
  return guess ? `未填主体类型，${guessText(guess)}` : '未填主体类型，按“其他”登记';
}

const EMPTY_DUTIES: Entity['duties'] = { dailyWeeklyMonthly: '', riskList: '', riskSystem: '', commitment: '' };

export const entityDefinition: RecordDefinition<Entity, EntityPatch> = {
  kind: 'entities',
  columns: entityColumns,
  requiredKeys: ['name'],
  records: (doc) => doc.entities,
  describe: (e) => e.name,

  parseRow(cells, ctx) {
    const reader = new RowReader<EntityPatch>(cells);
    parseEntityRow(reader, ctx);
    // A list without a 主体类型 column would register every new 主体 as 其他 and under-count the
    // 企业: the code or the name tells most of them. A stored type other than 其他 is kept.
    if (
      !reader.has('type') &&
      reader.errors.length === 0 &&
      (entityDefinition.target(reader.patch, ctx).existing?.type ?? '其他') === '其他'
    ) {
      const guess = guessEntityType(reader.patch.uscc ?? '', reader.patch.name ?? '');
      if (guess) reader.patch.type = guess.type;
      reader.warnings.push(typeNote(guess));
    }
    return { patch: reader.patch, errors: reader.errors, warnings: reader.warnings };
  },

  /** 统一社会信用代码 first, then 许可证编号, then name within the same region. */
  target(patch, ctx) {
    const { entityByKey } = lookups(ctx);
    const key = patch.uscc
      ? `统一社会信用代码 ${patch.uscc}`
      : patch.license
        ? `许可证编号 ${patch.license}`
        : `名称 ${patch.name ?? ''}（${patch.regionId ? ctx.regions.path(patch.regionId) : ''}）`;
    return { key, existing: entityByKey.get(key) };
  },

  merge(existing, patch, ctx) {
    // duties merge field by field: a sheet with only some duty columns keeps the others.
    const duties = { ...EMPTY_DUTIES, ...existing?.duties, ...patch.duties };
    // A new 主体 from a sheet without a 主体类型 column is registered as 其他, as a blank cell is.
    const parsed = EntityInputSchema.safeParse({ type: '其他', ...existing, ...patch, duties });
    if (!parsed.success) return { ok: false, errors: schemaErrors(parsed.error) };
    // parsed.data is cleaned and checked already: only the id is added (first, as the library keeps it).
    return { ok: true, record: { id: existing?.id ?? ctx.newId('E'), ...parsed.data } };
  },

  apply: (doc, changes) => upsertById(doc.entities, changes),
};

import { z } from 'zod';
import { checkUscc } from './uscc';
import { classifyLicense } from './license';
import { checkPhone } from './phone';
import { IsoDateOrEmptySchema, IsoDateSchema } from './dates';
import { toHalfWidth } from './normalize';
import { textRule, type TextLines } from './text';
import { VisitRulesSchema } from '../visits/types';
import { DEFAULT_CHECKLISTS, DEFAULT_INSPECTION_ITEMS, DEFAULT_LETTER } from '../handbook/texts';

// zod's own messages (wrong type, missing field) in Chinese, for every consumer of the schemas.
z.config(z.locales.zhCN());

// ---- vocabularies -------------------------------------------------------------------------

export const REGION_LEVELS = ['city', 'county', 'township', 'village'] as const;
export const RegionLevelSchema = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;
export const REGION_LEVEL_LABELS: Readonly<Record<RegionLevel, string>> = {
  city: '市',
  county: '旗区',
  township: '乡镇（街道、苏木）',
  village: '村（社区、嘎查）',
};

/** Cadre levels share the region level keys: a 市级 cadre serves the city node, and so on. */
export const CadreLevelSchema = RegionLevelSchema;
export type CadreLevel = RegionLevel;
export const CADRE_LEVEL_LABELS: Readonly<Record<CadreLevel, string>> = {
  city: '市级',
  county: '旗区级',
  township: '乡镇级',
  village: '村级',
};

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const GradeSchema = z.enum(GRADES, { error: '包保等级应为 A、B、C、D 之一' });
export type Grade = z.infer<typeof GradeSchema>;

export const ENTITY_TYPES = ['企业', '个体工商户', '小作坊', '小餐饮', '食品摊贩', '其他'] as const;
export const EntityTypeSchema = z.enum(ENTITY_TYPES, { error: '主体类型应为 企业、个体工商户、小作坊、小餐饮、食品摊贩、其他 之一' });
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const BUSINESS_KINDS = ['食品生产', '食品销售', '餐饮服务', '特殊食品', '集中用餐单位食堂'] as const;
export const BusinessKindSchema = z.enum(BUSINESS_KINDS, {
  error: '业态应为 食品生产、食品销售、餐饮服务、特殊食品、集中用餐单位食堂 之一',
});
export type BusinessKind = z.infer<typeof BusinessKindSchema>;

export const SCALES = ['大型', '中型', '小型', '微型'] as const;
export const ScaleSchema = z.enum(SCALES, { error: '规模应为 大型、中型、小型、微型 之一' });
export type Scale = z.infer<typeof ScaleSchema>;

export const ENTITY_STATUSES = ['在营', '停业', '注销'] as const;
export const EntityStatusSchema = z.enum(ENTITY_STATUSES, { error: '经营状态应为 在营、停业、注销 之一' });
export type EntityStatus = z.infer<typeof EntityStatusSchema>;

export const CANTEEN_KINDS = ['幼儿园', '养老机构', '学校', '其他单位'] as const;
export const CanteenKindSchema = z.enum(CANTEEN_KINDS);
export type CanteenKind = z.infer<typeof CanteenKindSchema>;

export const ASSIGNMENT_REASONS = ['新建', '调整', '干部变动', '主体注销'] as const;
export const AssignmentReasonSchema = z.enum(ASSIGNMENT_REASONS);

// ---- field helpers ------------------------------------------------------------------------

export { IsoDateSchema } from './dates';

// overwrite, not transform + pipe: the cleaned text is checked in the same string schema, which
// parses a library's thousands of names about twice as fast. Every text field takes the one text
// rule (./text.ts); the library's stored-document schema takes stored text as it is.
const requiredText = (label: string, max = 100) =>
  z
    .string({ error: `请填写${label}` })
    .overwrite(toHalfWidthKeepCjk)
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` })
    .check(textRule(label));

const optionalText = (label: string, max = 200, lines: TextLines = 'single') =>
  z
    .string()
    .overwrite(toHalfWidthKeepCjk)
    .max(max, { error: `${label}不能超过${max}个字` })
    .check(textRule(label, lines))
    .default('');

/** Names keep their Chinese characters; only stray full-width spaces and ends are cleaned. */
function toHalfWidthKeepCjk(text: string): string {
  return text.replace(/\u3000/g, ' ').trim();
}

const PhoneSchema = z.string().transform((raw, ctx) => {
  if (toHalfWidth(raw) === '') return '';
  const result = checkPhone(raw);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.value;
});

export const UsccSchema = z.string().transform((raw, ctx) => {
  if (toHalfWidth(raw) === '') return '';
  const result = checkUscc(raw);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.value;
});

// Any text is kept as a 登记 or 备案 number, so the text rule is all that keeps control characters out.
const LicenseSchema = z
  .string()
  .check(textRule('许可证编号'))
  .transform((raw) => (toHalfWidth(raw) === '' ? '' : classifyLicense(raw).value));

export const PersonSchema = z.object({
  name: requiredText('姓名', 30),
  phone: PhoneSchema.default(''),
});
export type Person = z.infer<typeof PersonSchema>;

// ---- records ------------------------------------------------------------------------------

export const RegionSchema = z.object({
  id: z.string().min(1),
  name: requiredText('区划名称', 50),
  level: RegionLevelSchema,
  parentId: z.string().nullable(),
  /** 12-digit 统计用区划代码 where known; 6 digits for a 旗区 taken from the county list. */
  code: z
    .string()
    .regex(/^(\d{6}|\d{12})?$/, { error: '区划代码应为6位或12位数字' })
    .default(''),
  /** 街道 / 镇 / 苏木 / 乡 / 社区 / 村 / 嘎查 … as the source names it. */
  kind: optionalText('区划类别', 20),
});
export type Region = z.infer<typeof RegionSchema>;

/** The enterprise-duty indicators of docs/domain.md#企业主体责任的规则: the date each was established, or '' if not. */
export const EntityDutiesSchema = z.object({
  dailyWeeklyMonthly: IsoDateOrEmptySchema.default(''),
  riskList: IsoDateOrEmptySchema.default(''),
  riskSystem: IsoDateOrEmptySchema.default(''),
  commitment: IsoDateOrEmptySchema.default(''),
});
export type EntityDuties = z.infer<typeof EntityDutiesSchema>;

const entityFields = {
  name: requiredText('主体名称', 100),
  uscc: UsccSchema.default(''),
  license: LicenseSchema.default(''),
  type: EntityTypeSchema,
  businessKinds: z.array(BusinessKindSchema).default([]),
  scale: ScaleSchema.default('微型'),
  grade: GradeSchema,
  regionId: z.string({ error: '请选择所属区划' }).min(1, { error: '请选择所属区划' }),
  address: optionalText('地址'),
  legalRep: optionalText('法定代表人', 30),
  legalRepPhone: PhoneSchema.default(''),
  director: PersonSchema.nullable().default(null),
  safetyOfficers: z.array(PersonSchema).default([]),
  regulatorId: z.string().default(''),
  status: EntityStatusSchema.default('在营'),
  chainHeadquarters: z.boolean().default(false),
  canteen: z
    .object({ kind: CanteenKindSchema, mealHeadcount: z.number().int().min(0) })
    .nullable()
    .default(null),
  duties: EntityDutiesSchema.default({ dailyWeeklyMonthly: '', riskList: '', riskSystem: '', commitment: '' }),
  notes: optionalText('备注', 500, 'multi'),
};

export const EntitySchema = z.object({ id: z.string().min(1), ...entityFields });
export type Entity = z.infer<typeof EntitySchema>;
/** What a form or an import sends: the same fields, id absent for a new 主体. */
export const EntityInputSchema = z.object({ id: z.string().min(1).optional(), ...entityFields });
export type EntityInput = z.input<typeof EntityInputSchema>;

export const CommitmentSchema = z.object({ year: z.number().int().min(2000).max(2100), signedOn: IsoDateSchema });

const cadreFields = {
  name: requiredText('姓名', 30),
  unit: optionalText('工作单位', 100),
  position: optionalText('职务', 50),
  level: CadreLevelSchema,
  regionId: z.string({ error: '请选择包保区域' }).min(1, { error: '请选择包保区域' }),
  phone: PhoneSchema.default(''),
  active: z.boolean().default(true),
  /** 《食品安全责任与任务承诺书》 signing dates, one per plan year (三单一书). */
  commitments: z.array(CommitmentSchema).default([]),
  notes: optionalText('备注', 500, 'multi'),
};
export const CadreSchema = z.object({
  id: z.string().min(1),
  ...cadreFields,
  /** The day the cadre stopped being 在岗 ('' while 在岗 or not known): their 主体 must move within 7 working days. */
  inactiveSince: IsoDateOrEmptySchema.default(''),
});
export type Cadre = z.infer<typeof CadreSchema>;
export const CadreInputSchema = z.object({ id: z.string().min(1).optional(), ...cadreFields });
export type CadreInput = z.input<typeof CadreInputSchema>;

export const RegulatorSchema = z.object({
  id: z.string().min(1),
  name: requiredText('姓名', 30),
  unit: optionalText('工作单位', 100),
  phone: PhoneSchema.default(''),
  /** The grid: regions this regulator answers for. */
  regionIds: z.array(z.string()).default([]),
});
export type Regulator = z.infer<typeof RegulatorSchema>;

export const AssignmentSchema = z.object({
  id: z.string().min(1),
  entityId: z.string().min(1),
  cadreId: z.string().min(1),
  start: IsoDateSchema,
  /** '' while current; the day it ended otherwise. History is never deleted. */
  end: IsoDateOrEmptySchema.default(''),
  reason: AssignmentReasonSchema,
  endReason: z.enum([...ASSIGNMENT_REASONS, '']).default(''),
  /** Chosen by a person: auto-assignment leaves it alone unless told to. */
  manual: z.boolean().default(false),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ExportTemplateSchema = z.object({
  kind: z.string(),
  name: z.string().min(1, { error: '请填写模板名称' }).max(40, { error: '模板名称不能超过40个字' }),
  columns: z.array(z.string()).min(1, { error: '模板至少要有一列' }),
});
export type ExportTemplate = z.infer<typeof ExportTemplateSchema>;

// ---- policy profile (docs/domain.md#设置的规则); later issues add visit, schedule and document settings ----

/** One item per line in 设置: blank lines are dropped, not refused. */
function itemLinesSchema(what: { readonly item: string; readonly none: string; readonly most: number; readonly tooMany: string }) {
  return z
    .array(z.string())
    .transform((items) => items.map((item) => item.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().max(200, { error: `每条${what.item}不能超过200个字` }))
        .min(1, { error: what.none })
        .max(what.most, { error: what.tooMany }),
    );
}
const ChecklistItemsSchema = itemLinesSchema({
  item: '检查要点',
  none: '每个层级至少保留一条检查要点',
  most: 40,
  tooMany: '每个层级最多40条检查要点',
});
const InspectionItemsSchema = itemLinesSchema({
  item: '督查事项',
  none: '督查清单至少保留一条督查事项',
  most: 60,
  tooMany: '督查清单最多60条督查事项',
});

const templateText = (label: string, max: number) => z.string().max(max, { error: `${label}不能超过${max}个字` });
const dutyText = templateText('工作职责', 500);

/**
 * 《致食品安全包保领导的一封信》 (docs/domain.md#致包保领导的一封信): texts with {合并字段} (shared/handbook/letter.ts merges
 * them per cadre), the duties told to each cadre level, and whom the official calls with questions.
 */
export const LetterTemplateSchema = z.object({
  title: templateText('信件标题', 60).default(DEFAULT_LETTER.title),
  greeting: templateText('称呼', 60).default(DEFAULT_LETTER.greeting),
  body: templateText('信件正文', 3000).default(DEFAULT_LETTER.body),
  closing: templateText('落款', 200).default(DEFAULT_LETTER.closing),
  dutiesByLevel: z
    .object({ city: dutyText, county: dutyText, township: dutyText, village: dutyText })
    .default(() => ({ ...DEFAULT_LETTER.dutiesByLevel })),
  contactName: templateText('联系人', 30).default(DEFAULT_LETTER.contactName),
  contactPhone: templateText('联系电话', 30).default(DEFAULT_LETTER.contactPhone),
  /** '' = the office name (orgName). */
  signOrg: templateText('落款单位', 60).default(DEFAULT_LETTER.signOrg),
});
export type LetterTemplate = z.infer<typeof LetterTemplateSchema>;

export const ProfileSchema = z.object({
  orgName: z.string().default('鄂尔多斯市市场监督管理局'),
  orgLevel: RegionLevelSchema.default('city'),
  planYear: z.number().int().min(2000).max(2100).default(2027),
  /** Years closed by 年度切换: their 督导 records stay read-only and reportable. */
  closedYears: z.array(z.number().int().min(2000).max(2100)).default([]),
  /**
   * When a 主体 opens, closes or changes grade (docs/domain.md#包保干部的规则, local rules such as 广元's): 市场监管 reports
   * it within reportDays working days, and the 包保关系 is adjusted within adjustDays more.
   */
  statusDeadlines: z
    .object({
      reportDays: z
        .number()
        .int()
        .min(1, { error: '报告期限至少 1 个工作日' })
        .max(60, { error: '报告期限不能超过 60 个工作日' })
        .default(15),
      adjustDays: z
        .number()
        .int()
        .min(1, { error: '调整期限至少 1 个工作日' })
        .max(60, { error: '调整期限不能超过 60 个工作日' })
        .default(7),
    })
    .prefault({}),
  operatorName: z.string().default('管理员'),
  /** 督导 visits a year per grade and the weekly cap per cadre (docs/domain.md#督导的规则). */
  visitRules: VisitRulesSchema.prefault({}),
  /** How many automatic and manual backups to keep in the data folder. */
  backupKeep: z.number().int().min(3).max(200).default(20),
  gradeLevel: z
    .object({ A: CadreLevelSchema, B: CadreLevelSchema, C: CadreLevelSchema, D: CadreLevelSchema })
    .default({ A: 'city', B: 'county', C: 'township', D: 'village' }),
  /** 包保全覆盖 fallbacks where the strict rule finds no cadre (docs/domain.md#包保关系的规则; shared/rules/fallback.ts). */
  assignFallbacks: z.object({ villageInTownship: z.boolean().default(true), levelAbove: z.boolean().default(true) }).prefault({}),
  /** Soft cap of 主体 per cadre, by cadre level. */
  loadCap: z
    .object({
      city: z.number().int().min(1),
      county: z.number().int().min(1),
      township: z.number().int().min(1),
      village: z.number().int().min(1),
    })
    .default({ city: 5, county: 5, township: 12, village: 25 }),
  /** 食品安全总监 rule (docs/domain.md#企业主体责任的规则): canteen headcounts per meal from which a director is required. */
  directorRule: z
    .object({
      scales: z.array(ScaleSchema).default(['大型', '中型']),
      canteenHeadcount: z
        .object({ 幼儿园: z.number().int(), 养老机构: z.number().int(), 学校: z.number().int(), 其他单位: z.number().int() })
        .default({ 幼儿园: 300, 养老机构: 300, 学校: 500, 其他单位: 1000 }),
    })
    .default({ scales: ['大型', '中型'], canteenHeadcount: { 幼儿园: 300, 养老机构: 300, 学校: 500, 其他单位: 1000 } }),
  /** Column names the office told the importer, per record kind: normalised header → field key ('' = ignore). */
  importMappings: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Named column layouts for list exports (each higher office wants its own). */
  exportTemplates: z.array(ExportTemplateSchema).default([]),
  /**
   * 督导检查要点 per cadre level: what a cadre checks on a visit, printed in each cadre's handbook
   * (docs/domain.md#设置的规则). The key keeps the name older libraries stored it under.
   */
  checklistByLevel: z
    .object({ city: ChecklistItemsSchema, county: ChecklistItemsSchema, township: ChecklistItemsSchema, village: ChecklistItemsSchema })
    .default(() => ({
      city: [...DEFAULT_CHECKLISTS.city],
      county: [...DEFAULT_CHECKLISTS.county],
      township: [...DEFAULT_CHECKLISTS.township],
      village: [...DEFAULT_CHECKLISTS.village],
    })),
  /** 督查清单: what the 督查组 check each cadre against (docs/domain.md#包保干部的规则), printed in the handbook. */
  inspectionItems: InspectionItemsSchema.default(() => [...DEFAULT_INSPECTION_ITEMS]),
  letter: LetterTemplateSchema.prefault({}),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const LogEntrySchema = z.object({
  at: z.string(),
  operator: z.string(),
  action: z.string(),
  summary: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

import { z } from 'zod';
import {
  CadreInputSchema,
  CadreLevelSchema,
  EntityInputSchema,
  EntityStatusSchema,
  EntityTypeSchema,
  GradeSchema,
  IsoDateSchema,
  ScaleSchema,
  LetterTemplateSchema,
  ProfileSchema,
  type Profile,
  type Assignment,
  type Cadre,
  type CadreLevel,
  type Entity,
  type LogEntry,
  type Region,
  RegionSchema,
  RegulatorSchema,
  type Regulator,
  type ExportTemplate,
} from '../domain/schemas';
import { textProblem, textRule } from '../domain/text';
import type { EnteredNotice, NoticeReading } from '../calendar/notice-text';
import type { CadreQuarterRow } from '../stats/cadre-quarters';
import type { ChangeDeadline, EntityChange } from '../rules/status-changes';
import type { Stats } from '../stats/stats';
import type { GridOverview } from '../grid/overview';
import type { Handbook } from '../handbook/handbook';
import { letterTemplateProblems, type Letter } from '../handbook/letter';
import { BattleTaskSchema, DispatchEntrySchema, type BattleMap } from '../battlemap/types';
import type { Schedule, ScheduleProblem } from '../battlemap/schedule';
import type { DispatchPlan, TaskState } from '../battlemap/dispatch';
import { ChecklistResultSchema, PROBLEM_STEP_KINDS, VisitProblemSchema, VisitTypeSchema, type Visit, type VisitProblem } from '../visits/types';
import { OVERDUE_STEPS, PROBLEM_STAGES, type ProblemTiming } from '../visits/problems';
import type { OpenProblem } from '../visits/records';
import { InspectionSchema, type Inspection } from '../inspections/types';
import type { Breakdown } from '../stats/breakdown';
import { DUTY_KEYS } from '../stats/tally';
import type { LoadBands } from '../stats/loads';
import type { WeeklySeries } from '../stats/weekly';
import type { ColumnMapping } from '../records/header';
import type { IgnoredColumn, ImportCounts, PlannedRow, SheetPlan } from '../records/import-plan';
import { RECORD_KINDS } from '../records/types';
import { REPORT_KINDS, REPORT_TEMPLATE_KINDS } from '../reports/kinds';
import type { Cell } from '../records/cell';
import type { FallbackRule } from '../rules/fallback';
import { VIOLATION_KINDS, type ViolationKind } from '../rules/violations';
import {
  PackageExportSchema,
  PackageImportSchema,
  PackageReceivedSchema,
  type PackageExportResult,
  type PackageImportResult,
  type PackagePreview,
  type ReceivedReport,
} from '../packages/api';

export * from './result';

const NoInput = z.object({}).strict().default({});
const ById = z.object({ id: z.string().min(1, { error: '缺少记录编号' }) }).strict();

const HeadcountSchema = z.number().int({ error: '就餐人数应为整数' }).min(1, { error: '就餐人数至少为 1' });

/**
 * What 设置 may save: stricter than the stored profile (older files must still load), so a
 * clerk cannot leave the 单位名称 empty or set a negative headcount.
 */
const ProfileSaveSchema = ProfileSchema.omit({ importMappings: true, exportTemplates: true })
  .extend({
    orgName: z.string().trim().min(1, { error: '请填写单位名称' }).max(60, { error: '单位名称不能超过60个字' }).check(textRule('单位名称')),
    operatorName: z.string().trim().min(1, { error: '请填写操作人姓名' }).max(20, { error: '操作人姓名不能超过20个字' }).check(textRule('操作人姓名')),
    directorRule: ProfileSchema.shape.directorRule.unwrap().extend({
      canteenHeadcount: z.object({ 幼儿园: HeadcountSchema, 养老机构: HeadcountSchema, 学校: HeadcountSchema, 其他单位: HeadcountSchema }),
    }),
    // Optional here: a caller that leaves them out keeps what is stored instead of the defaults.
    checklistByLevel: ProfileSchema.shape.checklistByLevel
      .unwrap()
      .superRefine((checklists, ctx) => {
        for (const [level, items] of Object.entries(checklists)) {
          for (const [index, item] of items.entries()) {
            const message = textProblem(item, '检查要点');
            if (message) ctx.addIssue({ code: 'custom', path: [level, index], message });
          }
        }
      })
      .optional(),
    inspectionItems: ProfileSchema.shape.inspectionItems
      .unwrap()
      .superRefine((items, ctx) => {
        for (const [index, item] of items.entries()) {
          const message = textProblem(item, '督查事项');
          if (message) ctx.addIssue({ code: 'custom', path: [index], message });
        }
      })
      .optional(),
    letter: LetterTemplateSchema.superRefine((letter, ctx) => {
      for (const { key, message } of letterTemplateProblems(letter)) ctx.addIssue({ code: 'custom', path: [key], message });
    }).optional(),
    // 年度切换 (year:open) keeps these; a form without them leaves them as stored.
    closedYears: ProfileSchema.shape.closedYears.optional(),
    statusDeadlines: ProfileSchema.shape.statusDeadlines.optional(),
  })
  .strict();

/** A region (and below) and a date range ('' = unbounded) that narrow 督导 lists and weekly figures. */
const ScopeRangeSchema = z
  .object({
    regionId: z.string().optional(),
    from: z.union([z.literal(''), IsoDateSchema]).optional(),
    to: z.union([z.literal(''), IsoDateSchema]).optional(),
  })
  .strict()
  .refine((r) => !r.from || !r.to || r.from <= r.to, { error: '开始日期不能晚于结束日期，请重新选择日期范围', path: ['to'] });

export const DEMO_SCALES = ['district', 'city', 'province'] as const;
export const DemoScaleSchema = z.enum(DEMO_SCALES, { error: '示例规模应为 district、city 或 province' });
export type DemoScale = z.infer<typeof DemoScaleSchema>;

/** Columns the lists sort by. The service sorts, so a window of rows is a slice of the whole list in that order. */
export const ENTITY_SORT_FIELDS = ['name', 'uscc', 'grade', 'type', 'regionPath', 'legalRep', 'legalRepPhone', 'cadreName', 'status'] as const;
export const CADRE_SORT_FIELDS = ['name', 'level', 'unit', 'position', 'regionPath', 'phone', 'entityCount', 'active'] as const;
export const SORT_ORDERS = ['ascend', 'descend'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
const listSort = <F extends readonly [string, ...string[]]>(fields: F) => z.object({ field: z.enum(fields), order: z.enum(SORT_ORDERS) }).strict().optional();
/**
 * The slice of a list a virtual table shows: `offset` rows skipped, at most `limit` sent (absent:
 * every row, for exports and scripts). `total` still counts every match.
 */
const LIST_WINDOW = { offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).optional() };

export const EntityQuerySchema = z
  .object({
    /** Name, pinyin initials, USCC, licence number or phone. */
    text: z.string().max(100).default(''),
    /** A region and everything below it. */
    regionId: z.string().default(''),
    grades: z.array(GradeSchema).default([]),
    types: z.array(EntityTypeSchema).default([]),
    statuses: z.array(EntityStatusSchema).default([]),
    assigned: z.enum(['any', 'yes', 'no']).default('any'),
    /** 主体 naming this grid regulator (网格监管 drill-down). */
    regulatorId: z.string().default(''),
    scales: z.array(ScaleSchema).optional(),
    /** 企业 (not 注销) a duty applies to that have not done it (a 首页概览 企业主体责任 drill-down). */
    lacking: z.union([z.literal(''), z.enum(DUTY_KEYS)]).optional(),
    sort: listSort(ENTITY_SORT_FIELDS),
    ...LIST_WINDOW,
  })
  .strict();
export type EntityQuery = z.input<typeof EntityQuerySchema>;
export type EntitySort = NonNullable<EntityQuery['sort']>;
/** A 主体 query as the handler gets it (defaults filled in). */
export type EntityFilter = z.output<typeof EntityQuerySchema>;

export const CadreQuerySchema = z
  .object({
    text: z.string().max(100).default(''),
    regionId: z.string().default(''),
    /** 主体 currently guaranteed, both ends included (a dashboard load band); absent = no bound. */
    minLoad: z.number().int().min(0).optional(),
    maxLoad: z.number().int().min(0).optional(),
    levels: z.array(CadreLevelSchema).default([]),
    active: z.enum(['any', 'yes', 'no']).default('any'),
    /** 在岗 cadres without a signed 承诺书 for this year (the 首页概览 承诺书未签 drill-down). */
    unsignedYear: z.number().int().min(2000).max(2100).optional(),
    sort: listSort(CADRE_SORT_FIELDS),
    ...LIST_WINDOW,
  })
  .strict();
export type CadreQuery = z.input<typeof CadreQuerySchema>;
export type CadreSort = NonNullable<CadreQuery['sort']>;
/** A cadre query as the handler gets it (defaults filled in). */
export type CadreFilter = z.output<typeof CadreQuerySchema>;

/** One line of the 主体 list: what the table shows, nothing more (the list holds 100,000 rows). */
export interface EntityRow {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
  readonly license: string;
  readonly grade: Entity['grade'];
  readonly type: Entity['type'];
  readonly status: Entity['status'];
  readonly regionPath: string;
  readonly legalRep: string;
  readonly legalRepPhone: string;
  readonly cadreName: string;
}

export interface CadreRow {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly position: string;
  readonly level: Cadre['level'];
  readonly regionPath: string;
  readonly phone: string;
  readonly active: boolean;
  readonly entityCount: number;
}

export interface AssignmentView extends Assignment {
  readonly cadreName: string;
  readonly entityName: string;
  /** '' when the 主体 no longer exists. */
  readonly entityGrade: Entity['grade'] | '';
}

export interface EntityDetail {
  readonly entity: Entity;
  readonly regionPath: string;
  readonly regulator: Regulator | null;
  readonly requiresDirector: boolean;
  readonly current: AssignmentView | null;
  readonly history: readonly AssignmentView[];
}

export interface CadreDetail {
  readonly cadre: Cadre;
  readonly regionPath: string;
  readonly current: readonly AssignmentView[];
  readonly history: readonly AssignmentView[];
}

export interface BackupInfo {
  readonly fileName: string;
  readonly at: string;
  /** 启动时, 导入前, 手动备份 … */
  readonly reason: string;
  readonly bytes: number;
}

export interface RestorePreview {
  readonly source: string;
  readonly createdAt: string;
  /**
   * Every kind of record a restore replaces: how many now and in the backup, and what the restore
   * does to them (records it brings back, changes, drops). `kept`: the restore keeps the current
   * ones (the 操作日志, which only gains the restore's own entry).
   */
  readonly collections: readonly {
    readonly label: string;
    readonly current: number;
    readonly backup: number;
    readonly added: number;
    readonly changed: number;
    readonly dropped: number;
    readonly kept?: boolean;
  }[];
}

export interface AppInfo {
  readonly dataDir: string;
  /** Where bulk exports (handbooks, letters) go unless the user picks another folder. */
  readonly exportDir: string;
  /** Set when the data file was damaged at start and moved aside: say so and offer a backup. */
  readonly recovery: { readonly message: string; readonly newestBackup: BackupInfo | null } | null;
  /** Why the backup made at start failed (the app runs on); '' when it did not. */
  readonly startWarning: string;
  /** false on first run: the folder holds no library yet. */
  readonly initialized: boolean;
  readonly orgName: string;
  readonly planYear: number;
  readonly counts: { readonly regions: number; readonly entities: number; readonly cadres: number; readonly regulators: number };
}

const BackupSource = z
  .object({
    /** A backup in the data folder's backups list… */
    fileName: z.string().min(1).optional(),
    /** …or a library file the user chose (e.g. a manual backup kept elsewhere). */
    upload: z.object({ fileName: z.string().min(1).max(260), contentBase64: z.string() }).strict().optional(),
  })
  .strict()
  .refine((s) => (s.fileName === undefined) !== (s.upload === undefined), { error: '请选择一个备份' });

export const RecordKindSchema = z.enum(RECORD_KINDS, { error: '导入导出类型应为 entities、cadres、regulators、regions、assignments 之一' });
export type { RecordKind } from '../records/types';

/** A list (RecordKind) or a 上报 report (`report:<name>`): what a column template belongs to. */
export const TemplateKindSchema = z.enum([...RECORD_KINDS, ...REPORT_TEMPLATE_KINDS], { error: '导出类型有误，请重新选择要导出的名单或报表' });
export type TemplateKind = z.infer<typeof TemplateKindSchema>;

const ReportRequest = z
  .object({
    report: z.enum(REPORT_KINDS, { error: '报表应为 summary、assignments、visits、problems、dispatch、inspections 之一' }),
    /** '' = the whole library; else a 旗区 or 乡镇 and everything below it. */
    regionId: z.string().default(''),
    /** The 督导 year; defaults to the plan year. */
    year: z.number().int().min(2000).max(2100).optional(),
    /** A saved column template of the report, or the columns by key; neither = all columns. */
    template: z.string().optional(),
    columns: z.array(z.string()).min(1, { error: '请至少选择一列' }).optional(),
  })
  .strict();

/** The first rows of a report as the export would write them, to check before exporting. */
export interface ReportPreview {
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly { readonly label: string; readonly format: 'text' | 'number' | 'percent' | 'date' }[];
  readonly rows: readonly (readonly Cell[])[];
  readonly totalRow: readonly Cell[] | null;
  /** All data rows of the report (the preview shows at most the first 50). */
  readonly rowCount: number;
}

/** A background job (bulk export): polled by the screen that started it, or by the CLI. */
export interface JobStatus {
  readonly jobId: string;
  readonly kind: string;
  /** What it does, in Chinese, e.g. “批量导出包保干部工作手册”. */
  readonly label: string;
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
  readonly done: number;
  readonly total: number;
  /** The last progress sentence, or the closing one (how many files, where). */
  readonly message: string;
  /** The folder the files go to. */
  readonly outDir: string;
  /** Files written so far (a cancelled or failed run keeps them). */
  readonly files: number;
  /** Files that could not be written, and why; the job went on with the others. */
  readonly skipped: readonly { readonly fileName: string; readonly reason: string }[];
  readonly error: string;
}

/** A file handed over as base64, both ways: uploads to import, workbooks to save. */
export interface FileContent {
  readonly fileName: string;
  readonly contentBase64: string;
}

export interface ImportPreview {
  readonly previewId: string;
  readonly kind: z.infer<typeof RecordKindSchema>;
  readonly fileName: string;
  readonly sheetName: string;
  /** 1-based row of the header in the sheet. */
  readonly headerRow: number;
  readonly columns: readonly ColumnMapping[];
  /** The fields a column can be mapped to, for the mapping editor. */
  readonly fields: readonly { readonly key: string; readonly label: string; readonly required: boolean }[];
  readonly counts: ImportCounts;
  readonly rows: readonly PlannedRow[];
  /** Every sheet read (workbooks with one sheet per 旗区, 乡镇 or 村), with where its area came from. */
  readonly sheets: readonly SheetPlan[];
  /** Sheets not read, and why. */
  readonly skippedSheets: readonly { readonly sheet: string; readonly reason: string }[];
  /** Columns not imported, and why. */
  readonly ignored: readonly IgnoredColumn[];
  /** The fields no column gives. */
  readonly missing: readonly { readonly key: string; readonly label: string }[];
  /** What blank cells do to an updated record: keep its stored value (default), or clear it. */
  readonly blankCells: 'keep' | 'clear';
  /** Why this preview cannot be committed yet (e.g. the name column is not mapped). */
  readonly problem: string | null;
}

/** How far a preview in the making has got: the file being read, then its rows being checked. */
export interface ImportProgress {
  readonly stage: 'reading' | 'checking';
  /** Data rows checked so far (0 while reading). */
  readonly done: number;
  /** Data rows below the header (0 until the file is read to its end). */
  readonly total: number;
}

export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly skipped: number;
}

export interface ExportColumnInfo {
  readonly key: string;
  readonly label: string;
  /** false for columns shown in exports but not read back by an import (e.g. 包保干部 of a 主体). */
  readonly importable: boolean;
}

export interface ViolationView {
  readonly kind: ViolationKind;
  readonly entityId: string;
  readonly entityName: string;
  readonly cadreId: string;
  readonly cadreName: string;
  readonly message: string;
  /** Still with a cadre not 在岗 past the 7-working-day reassignment deadline. */
  readonly overdue?: boolean;
}

export interface CadreLoad {
  readonly cadreId: string;
  readonly cadreName: string;
  readonly level: Cadre['level'];
  readonly regionPath: string;
  readonly before: number;
  readonly after: number;
  readonly cap: number;
}

export interface AssignProposalView {
  readonly entityId: string;
  readonly entityName: string;
  readonly grade: Entity['grade'];
  readonly regionPath: string;
  readonly fromCadreName: string;
  readonly toCadreId: string;
  readonly toCadreName: string;
  readonly reason: string;
  /** The fallback rule of the profile that gave the cadre (SPEC §3.6); null: the strict rule. */
  readonly fallback: FallbackRule | null;
}

export interface AssignPreview {
  readonly previewId: string;
  readonly counts: { readonly assign: number; readonly move: number; readonly release: number; readonly unresolved: number };
  readonly proposals: readonly AssignProposalView[];
  readonly releases: readonly { readonly entityName: string; readonly cadreName: string; readonly reason: string }[];
  readonly unresolved: readonly { readonly entityId: string; readonly entityName: string; readonly regionPath: string; readonly why: string }[];
  /** Cadres whose load changes, most changed first. */
  readonly loads: readonly CadreLoad[];
}

export interface BattleMapView {
  /** null until the office creates its 作战图. */
  readonly map: BattleMap | null;
  /** The schedule as computed now over the working-day calendar; null when the task graph is broken. */
  readonly schedule: Schedule | null;
  readonly problems: readonly ScheduleProblem[];
  /** 周调度 dates from the plan start to the final deadline. */
  readonly dispatches: DispatchPlan | null;
  /** Per task: derived status, progress from the last 周调度, at risk and why. */
  readonly states: Readonly<Record<string, TaskState>>;
  /** Calendar notes, e.g. a year whose official holiday notice is not built in yet. */
  readonly calendarNotes: readonly string[];
}

export interface VisitRow {
  readonly id: string;
  readonly entityId: string;
  readonly entityName: string;
  readonly grade: Entity['grade'] | '';
  readonly regionPath: string;
  readonly cadreId: string;
  readonly cadreName: string;
  /** Decides the 督导检查要点 the visit is recorded against; '' when the cadre was deleted. */
  readonly cadreLevel: CadreLevel | '';
  readonly plannedDate: string;
  readonly doneDate: string;
  /** 现场 / 集中 / 视频 once done ('' while planned). */
  readonly type: string;
  readonly problems: number;
  readonly openProblems: number;
}

/** A problem in the 问题整改台账: where it was found, where it stands and what is overdue. */
export interface ProblemView extends ProblemTiming {
  readonly visitId: string;
  readonly entityId: string;
  readonly entityName: string;
  readonly regionPath: string;
  readonly cadreId: string;
  readonly cadreName: string;
  readonly foundOn: string;
  readonly problem: VisitProblem;
  /** The 主体's 网格监管人员, whom a 交办 goes to unless another is chosen; null when it has none. */
  readonly regulator: { readonly id: string; readonly name: string; readonly unit: string } | null;
}

/** A 督查 record of a cadre, with whom it is about and how many items were found 未落实. */
export interface InspectionRow extends Inspection {
  readonly cadreName: string;
  /** '' when the cadre is no longer in the library (a hand-edited file). */
  readonly cadreLevel: CadreLevel | '';
  readonly regionPath: string;
  readonly unmet: number;
}

export interface QueryResult<Row> {
  /** Every match, also when `rows` is only the window asked for. */
  readonly total: number;
  readonly rows: readonly Row[];
}

/**
 * The one API contract: method name → input schema. The IPC handlers, the web harness and the
 * CLI all dispatch through it, and every input is parsed with its schema before a handler runs.
 */
/** A holiday notice as pasted; `year` when the text does not name it. */
const HolidayNoticeText = z
  .object({
    text: z.string().trim().min(1, { error: '请粘贴国务院办公厅放假通知的全文' }).max(20_000, { error: '粘贴的文字过长，请只粘贴通知本身' }),
    year: z.number().int().min(2000).max(2100).optional(),
  })
  .strict();

/** 设置's calendar: the office's own days and the holiday notices entered. */
export interface CalendarSettings {
  readonly extraHolidays: readonly string[];
  readonly extraWorkdays: readonly string[];
  readonly notices: readonly (EnteredNotice & { readonly enteredOn: string })[];
}

/** A 主体变动 with its deadlines, as the 包保关系 screen and `check` list it. */
export interface EntityChangeRow extends ChangeDeadline {
  readonly entityName: string;
  readonly grade: string;
  readonly regionPath: string;
  /** The current 包保干部 ('' = none). */
  readonly cadreName: string;
}

/** What 年度切换 did. */
export interface YearOpened {
  readonly year: number;
  readonly previousYear: number;
  /** Every year now closed (read-only). */
  readonly closedYears: readonly number[];
  /** The new year's plan (planned from `from` when the year has already begun, else the whole year). */
  readonly plan: ApiResults['visits:plan'];
  readonly from: string;
  /** 在岗 cadres without a signed 承诺书 for the new year. */
  readonly commitmentsDue: number;
}

/** A notice read from its text, with what saving it would change in the year's calendar. */
export interface NoticePreview extends NoticeReading {
  /** Where the year's days come from now: a notice built in or entered, or the provisional rules. */
  readonly replaces: 'built-in' | 'entered' | 'provisional';
  /** Days whose working/rest status would change, “2027-02-22 上班 → 放假（春节）”. */
  readonly changes: readonly string[];
}

export const apiSchemas = {
  /** Data folder, whether a library exists, record counts. */
  'app:info': NoInput,
  /** Starts an empty library (named for `orgName` when given). Error `conflict` when one exists already. */
  'app:createBlank': z
    .object({ orgName: z.string().trim().min(1, { error: '请填写单位名称' }).max(60, { error: '单位名称不能超过60个字' }).check(textRule('单位名称')).optional() })
    .strict()
    .default({}),
  /** Fills an empty folder with synthetic demo data. Error `conflict` when a library exists. */
  'app:loadDemo': z.object({ scale: DemoScaleSchema, seed: z.number().int().default(1) }).strict(),
  /** All region nodes, flat (parentId links them). */
  'regions:list': NoInput,
  /** Adds a region under `parentId` (null: the city itself) or renames/recodes one. Error `invalid-argument` with fields. */
  'regions:save': RegionSchema.pick({ name: true, code: true, kind: true })
    .extend({ id: z.string().min(1).optional(), parentId: z.string().min(1).nullable() })
    .strict(),
  /** Deletes a region nothing refers to. Error `conflict` naming what still uses it. */
  'regions:delete': ById,
  /** Filtered 主体 rows in list order (or `sort`'s), all or the window `offset`/`limit`. */
  'entities:query': EntityQuerySchema,
  /** One 主体 with its current cadre and history. Error `not-found`. */
  'entities:get': ById,
  /** Creates (no id) or updates a 主体; returns it as stored. Error `invalid-argument` with fields. */
  'entities:save': EntityInputSchema,
  /** Deletes a 主体 and its 包保 records. Error `not-found`. */
  'entities:delete': ById,
  /** Filtered 干部 rows, like entities:query. */
  'cadres:query': CadreQuerySchema,
  /** One cadre with current 主体 and history. Error `not-found`. */
  'cadres:get': ById,
  /** Creates or updates a cadre. Error `invalid-argument` with fields. */
  'cadres:save': CadreInputSchema,
  /** Deletes a cadre without any 包保 record. Error `conflict` otherwise. */
  'cadres:delete': ById,
  'regulators:list': NoInput,
  /** 网格监管: every grid regulator with their 主体 by grade and the 包保干部 they work with. */
  'regulators:overview': NoInput,
  /** Creates or updates a grid regulator. Error `invalid-argument` with fields. */
  'regulators:save': RegulatorSchema.omit({ id: true })
    .extend({ id: z.string().min(1).optional(), regionIds: z.array(z.string().min(1)).min(1, { error: '请选择负责的网格（至少一个区划）' }) })
    .strict(),
  /**
   * Deletes a grid regulator. While 主体 name them, `handTo` says who takes those 主体 over
   * (another regulator's id, or '' to leave them without one); absent → error `conflict`.
   */
  'regulators:delete': z.object({ id: z.string().min(1), handTo: z.string().optional() }).strict(),
  /** 按网格补全: 主体 without a grid regulator get the one whose grid holds their region. */
  'regulators:fill': NoInput,
  /** The programme's figures (SPEC §6 stats keys), for the library or one region and below. */
  /** `year`: whose 督导 and 承诺书 count (the plan year when absent). */
  'stats:get': z.object({ regionId: z.string().default(''), year: z.number().int().min(2000).max(2100).optional() }).strict().default({ regionId: '' }),
  /** The figures per region one level below the scope (per 旗区 for the whole city), with a 合计. */
  'stats:breakdown': z.object({ regionId: z.string().default('') }).strict().default({ regionId: '' }),
  /** 主体变动 (opened, closed, grade changed) still open: the report and 包保关系 deadlines, due and overdue, of a region and below. */
  'entityChanges:list': z.object({ regionId: z.string().default('') }).strict(),
  /** Marks a 主体变动 as reported by 市场监管 on a day. */
  'entityChanges:report': z.object({ id: z.string().min(1), reportedOn: IsoDateSchema }).strict(),
  /** 督导 completion per quarter by cadre (planned/done over the visits due), of a region and below and one level. */
  'stats:cadreQuarters': z
    .object({
      regionId: z.string().default(''),
      level: CadreLevelSchema.optional(),
      /** The plan year when absent. */
      year: z.number().int().min(2000).max(2100).optional(),
    })
    .strict(),
  /** The 督导 charts per week of a date range (the plan year when none), with this month's figures. */
  'stats:weekly': ScopeRangeSchema.default({}),
  /** Cadres of the scope per level and load band against the soft cap. */
  'stats:loads': z.object({ regionId: z.string().default('') }).strict().default({ regionId: '' }),
  /** Newest 操作日志 entries first, optionally only those whose summary or action contains `text`. */
  'log:list': z
    .object({ limit: z.number().int().min(1).max(5000).default(200), text: z.string().max(100).default('') })
    .strict(),
  /** What the ids an 操作日志 entry holds stand for: a region's path, a 主体's, cadre's or grid regulator's name (unknown ids left out). */
  'log:names': z.object({ ids: z.array(z.string().max(100)).max(20000) }).strict(),
  /**
   * Reads a file into a preview without changing any data: header row, column mapping, and each
   * row's outcome with reasons. `mapping` overrides column names (header → field key, '' ignores).
   * Error `invalid-argument` with one Chinese message for a file that cannot be read.
   * `previewId` (optional, chosen by the caller) lets `import:progress` follow the preview and
   * `import:cancel` stop it before it returns; error `conflict` when it was stopped so.
   */
  'import:preview': z
    .object({
      kind: RecordKindSchema,
      fileName: z.string().min(1).max(260),
      contentBase64: z.string().max(30 * 1024 * 1024, { error: '文件过大，超过 20 MB 的导入上限' }),
      mapping: z.record(z.string(), z.string()).default({}),
      previewId: z.string().min(1).max(100).optional(),
      /** Blank cells of an updated record: keep the stored value (default) or 清空 it. */
      blankCells: z.enum(['keep', 'clear']).optional(),
    })
    .strict(),
  /** How far the preview with this id has got; null when none is being made (not yet started, or returned). */
  'import:progress': z.object({ previewId: z.string().min(1) }).strict(),
  /**
   * Writes a previewed import in one atomic change; with `saveMapping` the column names the user
   * chose are remembered in the same write. Error `conflict` if the data changed since.
   */
  'import:commit': z.object({ previewId: z.string().min(1), saveMapping: z.boolean().default(false) }).strict(),
  /** Forgets a preview, or stops one still being made; nothing was written. */
  'import:cancel': z.object({ previewId: z.string().min(1) }).strict(),
  /** The rejected rows as a workbook: original columns plus 行号 and 原因, to fix and re-import. */
  'import:errorReport': z.object({ previewId: z.string().min(1) }).strict(),
  /** Remembers column names for the next import of this kind (header → field key, '' ignores). */
  'import:saveMapping': z.object({ kind: RecordKindSchema, mapping: z.record(z.string(), z.string()) }).strict(),
  /** The columns a list export can have, in default order. */
  'export:columns': z.object({ kind: TemplateKindSchema }).strict(),
  /** A list as a print-ready workbook: a template's columns, the given columns, or all. */
  'export:list': z
    .object({
      kind: RecordKindSchema,
      columns: z.array(z.string()).optional(),
      template: z.string().optional(),
      /** Only the 主体 or cadres this list filter shows (entities and cadres only). */
      entityQuery: EntityQuerySchema.optional(),
      cadreQuery: CadreQuerySchema.optional(),
      /** Mobile numbers as 138****1234, for lists that leave the office. */
      maskPhones: z.boolean().default(false),
    })
    .strict(),
  'export:templates': z.object({ kind: TemplateKindSchema }).strict(),
  /** Backups in the data folder, newest first. */
  'backup:list': NoInput,
  /** Makes a verified backup now. */
  'backup:create': NoInput,
  /** A backup as a file to keep elsewhere. */
  'backup:download': z.object({ fileName: z.string().min(1) }).strict(),
  /** What restoring would change: records per collection now and in the backup. */
  'backup:preview': BackupSource,
  /** Replaces the library with the backup (after backing up the current one). */
  'backup:restore': BackupSource,
  /**
   * A 上报 report as a print-ready workbook (SPEC §5.4): `summary` = 包保工作情况统计表 per region
   * below `regionId` (per 旗区 for the whole city) with a 合计 row; `assignments` = 包保关系明细表;
   * `visits` = 督导记录汇总; `problems` = 问题整改台账; `dispatch` = 作战图周调度进展表; `inspections` = 督查情况表.
   */
  'report:export': ReportRequest,
  /** The same report's title, columns, first 50 rows and 合计, to check before exporting. */
  'report:preview': ReportRequest,
  /** The 作战图 with its schedule recomputed over the working-day calendar, statuses and 周调度 dates. */
  'battlemap:get': NoInput,
  /** Starts the 作战图 from the shipped template (SPEC §3.9). Error `conflict` when one exists. */
  'battlemap:create': z
    .object({ planStart: IsoDateSchema, finalDeadline: IsoDateSchema, mode: z.enum(['backward', 'forward']).default('backward'), dispatchWeekday: z.number().int().min(1).max(7).default(5) })
    .strict(),
  /** Changes the plan's dates, scheduling mode or 周调度 weekday. */
  'battlemap:settings': z
    .object({ planStart: IsoDateSchema, finalDeadline: IsoDateSchema, mode: z.enum(['backward', 'forward']), dispatchWeekday: z.number().int().min(1).max(7) })
    .strict(),
  /** Adds (no id) or changes a task. */
  'battlemap:saveTask': BattleTaskSchema.omit({ id: true, start: true, finish: true }).extend({ id: z.string().min(1).optional() }),
  /** Removes a task and every reference to it as a predecessor. */
  'battlemap:deleteTask': ById,
  /** Records (or replaces) the 周调度 of a date: each task's progress and a note. */
  'battlemap:dispatch': z.object({ date: IsoDateSchema, entries: z.array(DispatchEntrySchema).min(1, { error: '请至少填写一项任务的进展' }) }).strict(),
  /** The 作战图 as an A3 landscape workbook, with the 周调度进展表 as a second sheet. */
  'battlemap:export': NoInput,
  /** The office's extra days off and working days (e.g. next year's 调休 before the software has them). */
  'calendar:save': z.object({ extraHolidays: z.array(IsoDateSchema), extraWorkdays: z.array(IsoDateSchema) }).strict(),
  /** Reads a 国务院办公厅 holiday notice pasted as text (its rest days and 调休 working days) and what it would change; saves nothing. */
  'calendar:readNotice': HolidayNoticeText,
  /** Keeps the notice read from the text: it replaces that year's built-in or provisional days. */
  'calendar:saveNotice': HolidayNoticeText,
  /** Drops a notice entered in 设置: the year goes back to the built-in (or provisional) days. */
  'calendar:removeNotice': z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
  /**
   * 年度切换: opens `year` as the plan year (later than the current one), closes the years before it
   * (read-only, still reportable), plans its 督导 (from today when it has begun) and says how many
   * 在岗 cadres must sign the new year's 承诺书.
   */
  'year:open': z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
  /**
   * Plans the year's 督导 visits for every current 包保关系; done visits are kept. fromToday (从今天起排):
   * only the rest of the year, visits before today left as they are (past quarters not back-filled).
   */
  'visits:plan': z.object({ year: z.number().int().min(2000).max(2100), fromToday: z.boolean().optional() }).strict(),
  /** Visits of a year, optionally of one cadre or one 主体, in date order. */
  'visits:list': z
    .object({
      year: z.number().int().min(2000).max(2100),
      cadreId: z.string().default(''),
      entityId: z.string().default(''),
      /** Only 主体 in this region and below. */
      regionId: z.string().optional(),
      /** Both set: visits planned or made in these days, instead of the year (a dashboard week). */
      from: z.union([z.literal(''), IsoDateSchema]).optional(),
      to: z.union([z.literal(''), IsoDateSchema]).optional(),
    })
    .strict(),
  /** Records a visit as done, with checklist results, problems found and notes. */
  'visits:record': z
    .object({
      id: z.string().min(1),
      doneDate: IsoDateSchema,
      /** 现场 when not said. */
      type: VisitTypeSchema.optional(),
      checklist: z.array(ChecklistResultSchema).default([]),
      // The steps after 发现 are taken one by one (visits:problemStep), never rewritten by an edit of the record.
      problems: z.array(VisitProblemSchema.omit({ id: true, steps: true }).extend({ id: z.string().optional() })).default([]),
      notes: z.string().max(500).check(textRule('备注', 'multi')).default(''),
    })
    .strict(),
  /** Marks a problem as rectified (闭环). */
  'visits:rectify': z.object({ visitId: z.string().min(1), problemId: z.string().min(1), rectifiedOn: IsoDateSchema }).strict(),
  /**
   * Every problem not yet rectified, oldest deadline first (问题整改台账); optionally only those of
   * 主体 in a region, found in a date range.
   */
  'visits:openProblems': ScopeRangeSchema.default({}),
  /** 督查 records of cadres, newest first: of one cadre, of a year (by 督查 date), of cadres in a region and below. */
  'inspections:list': z
    .object({
      cadreId: z.string().default(''),
      year: z.number().int().min(2000).max(2100).optional(),
      regionId: z.string().default(''),
    })
    .strict()
    .default({ cadreId: '', regionId: '' }),
  /** Records (no id) or corrects a 督查 of a cadre against the 督查清单: who checked, when (today if not said), per item 落实/未落实. */
  'inspections:save': InspectionSchema.omit({ id: true }).extend({ id: z.string().min(1).optional(), date: IsoDateSchema.optional() }).strict(),
  /** Deletes a 督查 record entered by mistake. */
  'inspections:delete': ById,
  /**
   * The 问题整改台账: every problem of every year (optionally of 主体 in a region, found in a date
   * range), at one stage or overdue at one step, earliest 整改期限 first.
   */
  'visits:problems': z
    .object({
      regionId: z.string().optional(),
      from: z.union([z.literal(''), IsoDateSchema]).optional(),
      to: z.union([z.literal(''), IsoDateSchema]).optional(),
      stage: z.enum(PROBLEM_STAGES, { error: '环节应为 待交办、待整改、待复核、待销号、已销号 之一' }).optional(),
      overdue: z.enum(OVERDUE_STEPS, { error: '逾期环节应为 交办、整改、复核 之一' }).optional(),
    })
    .strict()
    .default({}),
  /**
   * Moves a problem one step (发现 → 交办 → 整改 → 复核通过 / 退回 → 销号), dated (today unless `on`)
   * and by whom (the 操作人 of 设置 unless `by`). 交办 goes to `regulatorId`, or to `to` (a 市场监管所), or else to
   * the 主体's 网格监管人员; 退回 needs its reason in `note`.
   */
  'visits:problemStep': z
    .object({
      visitId: z.string().min(1),
      problemId: z.string().min(1),
      step: z.enum(PROBLEM_STEP_KINDS, { error: '办理步骤应为 交办、整改、复核通过、退回、销号 之一' }),
      /** Today unless given. */
      on: IsoDateSchema.optional(),
      by: z.string().trim().max(20, { error: '经办人姓名不能超过20个字' }).check(textRule('经办人')).optional(),
      note: z.string().trim().max(500, { error: '说明不能超过500个字' }).check(textRule('说明', 'multi')).default(''),
      regulatorId: z.string().optional(),
      to: z.string().trim().max(100, { error: '交办对象不能超过100个字' }).check(textRule('交办对象')).optional(),
    })
    .strict(),
  /** One cadre's 包保干部工作手册 (SPEC §5.1) as a workbook named 旗区-乡镇-姓名-包保干部工作手册-年度.xlsx. */
  'handbook:export': z.object({ cadreId: z.string().min(1, { error: '请选择包保干部' }), year: z.number().int().min(2000).max(2100).optional() }).strict(),
  /**
   * Reads the filled 督导记录表 of a returned handbook and records the visits it names, in one
   * change; rows already recorded the same way are left alone (importing twice adds nothing).
   */
  'handbook:import': z.object({ fileName: z.string().min(1).max(260), contentBase64: z.string().max(30 * 1024 * 1024) }).strict(),
  /**
   * Starts the bulk export of the 工作手册 of every active cadre in the scope as a background
   * job (poll `jobs:get`): one file each into a new subfolder of `outDir` (default: the export
   * folder), or one combined workbook. Existing files are never overwritten.
   */
  'handbooks:exportAll': z
    .object({
      regionId: z.string().default(''),
      level: CadreLevelSchema.optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      outDir: z.string().trim().max(1000).optional(),
      /** false writes straight into outDir (the CLI's --out), true into a new dated subfolder. */
      subfolder: z.boolean().default(true),
      combined: z.boolean().default(false),
    })
    .strict(),
  'jobs:get': z.object({ jobId: z.string().min(1) }).strict(),
  /** The running job, or the last one that ended (null before the first): a screen opened later shows it. */
  'jobs:current': NoInput,
  /** Stops the job after the file in hand; the files already written stay. */
  'jobs:cancel': z.object({ jobId: z.string().min(1) }).strict(),
  /**
   * 《致食品安全包保领导的一封信》 merged for the named cadres, or for the active cadres of a
   * region (and below) and/or level; at most `limit` letters, `total` says how many the scope has.
   */
  'letters:get': z
    .object({
      cadreIds: z.array(z.string().min(1)).max(5000).default([]),
      regionId: z.string().default(''),
      level: CadreLevelSchema.optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      limit: z.number().int().min(1).optional(),
      /** The 成文日期 the letters carry (YYYY-MM-DD); today when absent. */
      date: IsoDateSchema.optional(),
      /** An unsaved template to preview (设置); the stored one otherwise, refused while it would print blank contacts. */
      template: LetterTemplateSchema.optional(),
    })
    .strict(),
  /** One cadre's 工作手册 as data (the same sheets as the workbook) for the print view. */
  'handbook:view': z.object({ cadreId: z.string().min(1, { error: '请选择包保干部' }) }).strict(),
  /** The policy profile (设置, SPEC §3.8) and the office's calendar days. */
  'profile:get': NoInput,
  /** Saves the policy profile; every rule reads from it. */
  'profile:save': ProfileSaveSchema,
  /** Every broken 包保 rule with names, and the count per kind (SPEC §3.6). */
  'assign:violations': z.object({ kinds: z.array(z.enum(VIOLATION_KINDS)).default([]), regionId: z.string().default('') }).strict(),
  /** Current load of every cadre against the soft cap. */
  'assign:loads': NoInput,
  /**
   * Plans auto-assignment without writing: `unassigned` 主体 only, or also every `violating` one;
   * manual assignments kept unless keepManual is false; `reset` ends every current one first.
   */
  'assign:preview': z
    .object({ mode: z.enum(['unassigned', 'violating']).default('unassigned'), keepManual: z.boolean().default(true), reset: z.boolean().default(false) })
    .strict(),
  /** Writes a previewed auto-assignment in one change. Error `conflict` if the data changed since. */
  'assign:apply': z.object({ previewId: z.string().min(1) }).strict(),
  /** Moves 主体 to a cadre (single or bulk); ends their current 包保 with reason 调整. */
  'assign:reassign': z
    .object({ entityIds: z.array(z.string().min(1)).min(1, { error: '请至少选择一个主体' }), cadreId: z.string().min(1, { error: '请选择包保干部' }), date: IsoDateSchema.optional() })
    .strict(),
  /** Ends the current 包保 of 主体 without a successor. */
  'assign:release': z
    .object({ entityIds: z.array(z.string().min(1)).min(1, { error: '请至少选择一个主体' }), reason: z.enum(['调整', '主体注销']).default('调整'), date: IsoDateSchema.optional() })
    .strict(),
  /** 干部变动: every current 主体 of one cadre moves to the successor; history keeps both. */
  'assign:replaceCadre': z
    .object({
      fromCadreId: z.string().min(1, { error: '请选择离任干部' }),
      toCadreId: z.string().min(1, { error: '请选择接任干部' }),
      date: IsoDateSchema.optional(),
      deactivate: z.boolean().default(true),
    })
    .strict(),
  /** Saves (or replaces by name) a column template; returns the kind's templates. */
  'export:saveTemplate': z.object({ kind: TemplateKindSchema, name: z.string().trim().min(1, { error: '请填写模板名称' }).max(40).check(textRule('模板名称')), columns: z.array(z.string()).min(1, { error: '请至少选择一列' }) }).strict(),
  'export:deleteTemplate': z.object({ kind: TemplateKindSchema, name: z.string().min(1) }).strict(),
  /** 上报包 of an area for a year (SPEC §7): print-ready sheets and the records, checksummed. */
  'package:export': PackageExportSchema,
  /** What taking 上报包 in would do, per package and kind, with every conflict; changes nothing. */
  'package:preview': PackageImportSchema,
  /** Takes 上报包 in (汇总), after a backup; refused whole, nothing changed, while any conflict stands. */
  'package:import': PackageImportSchema,
  /** Each 旗区 of the library and its packages for a year: received, late or missing. */
  'package:received': PackageReceivedSchema,
} as const;

export type ApiSchemas = typeof apiSchemas;
export type ApiMethod = keyof ApiSchemas;

export interface ApiResults {
  'app:info': AppInfo;
  'app:createBlank': AppInfo;
  'app:loadDemo': AppInfo;
  'regions:list': readonly Region[];
  'regions:save': Region;
  'regions:delete': { readonly id: string };
  'entities:query': QueryResult<EntityRow>;
  'entities:get': EntityDetail;
  'entities:save': Entity;
  'entities:delete': { readonly id: string };
  'cadres:query': QueryResult<CadreRow>;
  'cadres:get': CadreDetail;
  'cadres:save': Cadre;
  'cadres:delete': { readonly id: string };
  'regulators:list': readonly Regulator[];
  'regulators:overview': GridOverview;
  'regulators:save': Regulator;
  'regulators:delete': { readonly id: string; readonly handedOver: number };
  'regulators:fill': { readonly filled: number; readonly stillMissing: number };
  'stats:get': Stats;
  'stats:cadreQuarters': { readonly year: number; readonly rows: readonly CadreQuarterRow[] };
  'entityChanges:list': {
    readonly rows: readonly EntityChangeRow[];
    readonly counts: { readonly toReport: number; readonly reportOverdue: number; readonly toAdjust: number; readonly adjustOverdue: number };
    readonly settings: Profile['statusDeadlines'];
  };
  'entityChanges:report': EntityChange;
  'stats:breakdown': Breakdown;
  'stats:weekly': WeeklySeries;
  'stats:loads': readonly LoadBands[];
  'log:list': readonly LogEntry[];
  'log:names': Readonly<Record<string, string>>;
  'import:preview': ImportPreview;
  'import:progress': ImportProgress | null;
  'import:commit': ImportResult;
  'import:cancel': { readonly previewId: string };
  'import:errorReport': FileContent;
  'import:saveMapping': { readonly saved: number };
  'export:columns': readonly ExportColumnInfo[];
  'export:list': FileContent;
  'export:templates': readonly ExportTemplate[];
  'backup:list': readonly BackupInfo[];
  'backup:create': BackupInfo;
  'backup:download': FileContent;
  'backup:preview': RestorePreview;
  'backup:restore': AppInfo;
  'report:export': FileContent;
  'report:preview': ReportPreview;
  'handbook:export': FileContent;
  'handbooks:exportAll': JobStatus;
  'jobs:get': JobStatus;
  'jobs:current': JobStatus | null;
  'jobs:cancel': JobStatus;
  'handbook:import': { readonly recorded: number; readonly unchanged: number; readonly pending: number; readonly rejected: readonly { readonly row: number; readonly entityName: string; readonly reason: string }[] };
  /** `date`: the 成文日期 used (YYYY-MM-DD), for the date picker to show. */
  'letters:get': { readonly letters: readonly Letter[]; readonly total: number; readonly date: string };
  'handbook:view': Handbook & { readonly cadreName: string };
  'profile:get': { readonly profile: Profile; readonly calendar: CalendarSettings; readonly calendarNotes: readonly string[] };
  'profile:save': Profile;
  'battlemap:get': BattleMapView;
  'battlemap:create': BattleMapView;
  'battlemap:settings': BattleMapView;
  'battlemap:saveTask': BattleMapView;
  'battlemap:deleteTask': BattleMapView;
  'battlemap:dispatch': BattleMapView;
  'battlemap:export': FileContent;
  'calendar:save': { readonly notes: readonly string[] };
  'calendar:readNotice': NoticePreview;
  'calendar:saveNotice': { readonly year: number; readonly notes: readonly string[] };
  'calendar:removeNotice': { readonly notes: readonly string[] };
  'year:open': YearOpened;
  'visits:plan': { readonly planned: number; readonly keptDone: number; readonly overCapWeeks: number; readonly notes: readonly string[] };
  'visits:list': readonly VisitRow[];
  'visits:record': Visit;
  'visits:rectify': Visit;
  'visits:openProblems': readonly (OpenProblem & { readonly entityName: string; readonly cadreName: string })[];
  'inspections:list': readonly InspectionRow[];
  'inspections:save': Inspection;
  'inspections:delete': { readonly id: string };
  'visits:problems': readonly ProblemView[];
  'visits:problemStep': ProblemView;
  'assign:violations': {
    readonly counts: Readonly<Record<ViolationKind, number>>;
    readonly items: readonly ViolationView[];
    /** Ids used twice and records pointing at ones not there, over the whole library (rules/integrity). */
    readonly integrity: readonly string[];
  };
  'assign:loads': readonly CadreLoad[];
  'assign:preview': AssignPreview;
  'assign:apply': { readonly assigned: number; readonly moved: number; readonly released: number };
  'assign:reassign': { readonly moved: number };
  'assign:release': { readonly released: number };
  'assign:replaceCadre': { readonly moved: number };
  'export:saveTemplate': readonly ExportTemplate[];
  'export:deleteTemplate': readonly ExportTemplate[];
  'package:export': PackageExportResult;
  'package:preview': readonly PackagePreview[];
  'package:import': PackageImportResult;
  'package:received': ReceivedReport;
}

export type ApiInput<M extends ApiMethod> = z.input<ApiSchemas[M]>;
export type ApiParsed<M extends ApiMethod> = z.output<ApiSchemas[M]>;

/** What the services implement: parsed input in, plain result out (errors are thrown ApiErrors). */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsed<M>) => Promise<ApiResults[M]> };

/** What the renderer calls, whatever the transport. */
export type ApiClient = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResults[M]>;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}

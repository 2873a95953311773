import { z } from 'zod';
import { RegionIndex } from '../domain/regions';
import { ProfileSchema, type Region, type RegionLevel } from '../domain/schemas';
import { DataDocSchema, type DataDoc } from '../storage/types';
import { PackageManifestSchema } from './content';
import { DownSettingsSchema, type DownSettings, type DownTask, type TakenDownPackage } from './down-settings';
import { mapRegions, sameJson } from './slice';

/**
 * 下发包 (docs/domain.md#上报包与下发包): the city's programme settings and region list for its
 * 旗区. A 旗区 takes each item the city changed and it did not, keeps each it changed and the city
 * did not, and lists the items both changed for the clerk to choose — judged against the settings
 * of the last 下发包 it took in (the base; a library that took none compares with the app's defaults).
 */

export const DOWN_PACKAGE_FORMAT = 'shian-baobao/downward-package';
export const DOWN_PACKAGE_FORMAT_VERSION = 1;

export const DownContentSchema = z.object({
  manifest: PackageManifestSchema.extend({ format: z.literal(DOWN_PACKAGE_FORMAT) }),
  settings: DownSettingsSchema,
  /** The sending area, everything below it and its ancestors. */
  regions: DataDocSchema.shape.regions,
});
export type DownContent = z.infer<typeof DownContentSchema>;

export interface DownFile {
  readonly content: DownContent;
  readonly sha256: string;
  readonly fileName: string;
}

/** The 下发包 of the library's own area: its settings and its regions. */
export function downPackageOf(doc: DataDoc, areaId: string, maker: { unit: string; operator: string; createdAt: string }): DownContent {
  const index = new RegionIndex(doc.regions);
  const area = index.get(areaId);
  if (!area) throw new Error(`unknown region ${areaId}`);
  const ancestors = new Set(index.ancestry(areaId).map((r) => r.id));
  return {
    manifest: {
      format: DOWN_PACKAGE_FORMAT,
      formatVersion: DOWN_PACKAGE_FORMAT_VERSION,
      unit: maker.unit,
      operator: maker.operator,
      region: { id: area.id, code: area.code, name: area.name, level: area.level },
      year: doc.profile.planYear,
      createdAt: maker.createdAt,
    },
    settings: settingsOf(doc),
    regions: doc.regions.filter((r) => ancestors.has(r.id) || index.contains(areaId, r.id)),
  };
}

/** The library's own area: its 旗区 (or city) — a 旗区's library keeps its city above it. Null when it has several top regions or none. */
export function ownAreaOf(regions: RegionIndex, orgLevel: RegionLevel): Region | null {
  const roots = regions.roots();
  if (roots.length !== 1 || !roots[0]) return null;
  let area = roots[0];
  while (area.level !== orgLevel && regions.children(area.id).length === 1) area = regions.children(area.id)[0] ?? area;
  return area;
}

export function settingsOf(doc: DataDoc): DownSettings {
  const { profile, battleMap } = doc;
  return {
    battleMap: battleMap
      ? {
          mode: battleMap.mode,
          planStart: battleMap.planStart,
          finalDeadline: battleMap.finalDeadline,
          dispatchWeekday: battleMap.dispatchWeekday,
        }
      : null,
    tasks: (battleMap?.tasks ?? []).map(taskTemplate),
    letter: {
      title: profile.letter.title,
      greeting: profile.letter.greeting,
      body: profile.letter.body,
      closing: profile.letter.closing,
      dutiesByLevel: profile.letter.dutiesByLevel,
    },
    checklistByLevel: profile.checklistByLevel,
    inspectionItems: profile.inspectionItems,
    visitRules: profile.visitRules,
    statusDeadlines: profile.statusDeadlines,
  };
}

/** The settings of a library that never took a 下发包: the app's defaults, no 作战图. */
function defaultSettings(): DownSettings {
  return settingsOf({ profile: ProfileSchema.parse({}), battleMap: null } as DataDoc);
}

function taskTemplate(task: DownTask): DownTask {
  const { id, seq, name, method, measures, unit, owner, durationDays, predecessors, deadline } = task;
  return { id, seq, name, method, measures, unit, owner, durationDays, predecessors, ...(deadline ? { deadline } : {}) };
}

// ---- items -----------------------------------------------------------------------------------

/** One setting as a 下发包 item: its label and how it is read from and written into the settings. */
interface ItemKind {
  readonly key: string;
  readonly label: string;
  get(settings: DownSettings): unknown;
  set(settings: DownSettings, value: unknown): void;
}

const LEVEL_NAMES = { city: '市级', county: '旗区级', township: '乡镇级', village: '村级' } as const;
const LEVELS = ['city', 'county', 'township', 'village'] as const;

type Group = 'letter' | 'checklistByLevel' | 'visitRules' | 'statusDeadlines';

function field<G extends Group>(group: G, name: keyof DownSettings[G] & string, label: string): ItemKind {
  return {
    key: `${group}.${name}`,
    label,
    get: (s) => (s[group] as Record<string, unknown>)[name],
    set: (s, value) => {
      (s[group] as Record<string, unknown>)[name] = value;
    },
  };
}

const FIXED_ITEMS: readonly ItemKind[] = [
  {
    key: 'battleMap',
    label: '作战图：编制方式、起止日期、调度日',
    get: (s) => s.battleMap ?? undefined,
    set: (s, v) => (s.battleMap = v as DownSettings['battleMap']),
  },
  field('letter', 'title', '致包保领导的一封信：标题'),
  field('letter', 'greeting', '致包保领导的一封信：称呼'),
  field('letter', 'body', '致包保领导的一封信：正文'),
  field('letter', 'closing', '致包保领导的一封信：落款'),
  field('letter', 'dutiesByLevel', '致包保领导的一封信：各层级干部职责'),
  ...LEVELS.map((level) => field('checklistByLevel', level, `督导检查要点（${LEVEL_NAMES[level]}干部）`)),
  { key: 'inspectionItems', label: '督查清单', get: (s) => s.inspectionItems, set: (s, v) => (s.inspectionItems = v as string[]) },
  field('visitRules', 'perYearByGrade', '督导频次：各等级主体每年督导次数'),
  field('visitRules', 'perYearByLevel', '督导频次：各层级干部每年督导次数'),
  field('visitRules', 'weeklyCapPerCadre', '督导频次：每名干部每周督导上限'),
  field('visitRules', 'onSiteGrades', '督导频次：须现场督导的主体等级'),
  field('visitRules', 'holidayExtras', '节前督导：节日、等级、节前工作日数'),
  field('visitRules', 'problemDays', '问题整改期限：交办、复核工作日数'),
  field('statusDeadlines', 'reportDays', '主体变动期限：报告工作日数'),
  field('statusDeadlines', 'adjustDays', '主体变动期限：调整包保工作日数'),
];

const TASK_PREFIX = 'task:';

/** Every item of some settings: the fixed ones, then one per 作战图 task by its id. */
function itemValues(settings: DownSettings): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const item of FIXED_ITEMS) {
    const value = item.get(settings);
    if (value !== undefined) values.set(item.key, value);
  }
  for (const task of settings.tasks) values.set(TASK_PREFIX + task.id, taskTemplate(task));
  return values;
}

/** same: the library already has the city's value; take: the city changed it, this library did not; keep: the reverse; conflict: both. */
export type DownAction = 'same' | 'take' | 'keep' | 'conflict';
export type DownChoice = 'upper' | 'local';

export interface DownItem {
  readonly key: string;
  readonly label: string;
  readonly action: DownAction;
  /** The city's value and this library's, as text ('' when there is none). */
  readonly upper: string;
  readonly local: string;
}

export interface DownRegions {
  readonly added: readonly Region[];
  readonly renamed: readonly { readonly region: Region; readonly name: string }[];
  /** Regions of this library's area the city no longer lists and that hold nothing: removed. */
  readonly removed: readonly Region[];
  /** The same, still holding records: kept and listed. */
  readonly kept: readonly { readonly region: Region; readonly holds: string }[];
}

export type DownStatus = 'new' | 'newer' | 'same' | 'older';

export interface DownPlan {
  readonly file: DownFile;
  /** Why this library cannot take it at all ('' when it can). */
  readonly refusal: string;
  readonly status: DownStatus;
  readonly held: TakenDownPackage | null;
  /** Every item that is not the same here and in the package, in the order of the settings. */
  readonly items: readonly DownItem[];
  readonly regions: DownRegions;
  /** False when taking it in would change nothing (the same settings and regions again). */
  readonly changes: boolean;
  /** Ids for the regions added, parents first (this library's ids). */
  readonly regionIds: ReadonlyMap<string, string>;
}

const NO_REGIONS: DownRegions = { added: [], renamed: [], removed: [], kept: [] };

/** What taking a 下发包 in would do to this library; changes nothing. */
export function planDownPackage(doc: DataDoc, file: DownFile, newId: (prefix: string) => string): DownPlan {
  const { manifest } = file.content;
  const lib = new RegionIndex(doc.regions);
  const pkg = new RegionIndex(file.content.regions);
  const held = doc.downward.taken.at(-1) ?? null;
  const status: DownStatus = !held ? 'new' : held.sha256 === file.sha256 ? 'same' : manifest.createdAt < held.createdAt ? 'older' : 'newer';
  const refused = (refusal: string): DownPlan => ({
    file,
    refusal,
    status,
    held,
    items: [],
    regions: NO_REGIONS,
    changes: false,
    regionIds: new Map(),
  });

  const own = ownAreaOf(lib, doc.profile.orgLevel);
  if (!own) return refused('本库还没有行政区划（或有多个顶级区划），不能接收下发包：请先建好本单位的行政区划');
  const ownInPkg = file.content.regions.find((r) => (own.code !== '' && r.code === own.code) || (own.code === '' && r.id === own.id));
  if (!ownInPkg)
    return refused(
      `这个下发包由“${manifest.region.name}”下发，本库的“${own.name}”${own.code ? `（${own.code}）` : ''}不在其行政区划中：请确认文件是否发错`,
    );
  if (ownInPkg.id === manifest.region.id || !pkg.contains(manifest.region.id, ownInPkg.id))
    return refused(`这个下发包是“${manifest.region.name}”导出的，本库就是该单位（或其上级），不能接收：下发包应由下级旗区接收`);
  if (status === 'older' && held)
    return refused(
      `本库已接收过“${held.unit}”${held.createdAt.slice(0, 10)}生成的下发包，这个文件生成得更早：未接收。请使用上级最新下发的文件`,
    );

  // Items: each judged against the base (the last 下发包 taken in).
  const baseSettings = doc.downward.base ?? defaultSettings();
  const base = itemValues(baseSettings);
  const local = itemValues(settingsOf(doc));
  const upper = itemValues(file.content.settings);
  const startedTasks = new Set(
    (doc.battleMap?.tasks ?? []).filter((t) => t.progress > 0 || t.status !== '未开始').map((t) => TASK_PREFIX + t.id),
  );
  const items: DownItem[] = [];
  for (const key of itemOrder(file.content.settings, settingsOf(doc), baseSettings)) {
    const u = upper.get(key);
    const l = local.get(key);
    const b = base.get(key);
    // A 作战图 the city has none of is not taken away from the 旗区; nor is a task of its own.
    if ((key === 'battleMap' && u === undefined) || (u === undefined && b === undefined) || sameJson(l, u)) continue;
    let action: DownAction = sameJson(l, b) ? 'take' : sameJson(u, b) ? 'keep' : 'conflict';
    // A task the city dropped that the 旗区 has started: the clerk decides.
    if (action === 'take' && u === undefined && startedTasks.has(key)) action = 'conflict';
    items.push({ key, label: labelOf(key, u ?? l), action, upper: valueText(u), local: valueText(l) });
  }

  const { regions, regionIds } = planRegions(doc, lib, file.content.regions, own, ownInPkg, newId);
  const regionChanges = regions.added.length + regions.renamed.length + regions.removed.length > 0;
  const changes =
    status !== 'same' &&
    (items.some((i) => i.action === 'take' || i.action === 'conflict') ||
      regionChanges ||
      !sameJson(doc.downward.base, file.content.settings));
  return { file, refusal: '', status, held, items, regions, changes, regionIds };
}

/** Takes a planned 下发包 in: the items taken (conflicts as chosen, 'local' when not), the regions, the new base and the receipt. */
export function applyDownPackage(
  doc: DataDoc,
  plan: DownPlan,
  choices: Readonly<Record<string, DownChoice>>,
  receivedAt: string,
): { taken: number; kept: number } {
  const { content } = plan.file;
  const next = settingsOf(doc);
  const upper = itemValues(content.settings);
  let taken = 0;
  for (const item of plan.items) {
    if (item.action === 'keep' || (item.action === 'conflict' && choices[item.key] !== 'upper')) continue;
    setItem(next, item.key, upper.get(item.key));
    taken++;
  }
  writeSettings(doc, next);
  const { added, renamed, removed } = plan.regions;
  const names = new Map(renamed.map((r) => [r.region.id, r.name]));
  const gone = new Set(removed.map((r) => r.id));
  doc.regions = [
    ...doc.regions.filter((r) => !gone.has(r.id)).map((r) => (names.has(r.id) ? { ...r, name: names.get(r.id) ?? r.name } : r)),
    ...added,
  ];
  doc.downward.base = content.settings;
  const { manifest } = content;
  doc.downward.taken.push({
    unit: manifest.unit,
    operator: manifest.operator,
    regionCode: manifest.region.code,
    regionName: manifest.region.name,
    createdAt: manifest.createdAt,
    receivedAt,
    sha256: plan.file.sha256,
    fileName: plan.file.fileName,
  });
  return { taken, kept: plan.items.length - taken };
}

function setItem(settings: DownSettings, key: string, value: unknown): void {
  if (key.startsWith(TASK_PREFIX)) {
    const id = key.slice(TASK_PREFIX.length);
    const at = settings.tasks.findIndex((t) => t.id === id);
    if (value === undefined) settings.tasks.splice(at, 1);
    else if (at >= 0) settings.tasks[at] = value as DownTask;
    else settings.tasks.push(value as DownTask);
    return;
  }
  FIXED_ITEMS.find((i) => i.key === key)?.set(settings, value);
}

/** The settings back into the library: a task keeps its status, progress and schedule; one removed leaves the others' predecessors. */
function writeSettings(doc: DataDoc, settings: DownSettings): void {
  const { profile } = doc;
  profile.letter = { ...profile.letter, ...settings.letter };
  profile.checklistByLevel = settings.checklistByLevel;
  profile.inspectionItems = settings.inspectionItems;
  profile.visitRules = settings.visitRules;
  profile.statusDeadlines = settings.statusDeadlines;
  if (!settings.battleMap) return;
  const before = new Map((doc.battleMap?.tasks ?? []).map((t) => [t.id, t]));
  const ids = new Set(settings.tasks.map((t) => t.id));
  const tasks = settings.tasks.map((t) => {
    const { deadline: _deadline, ...kept } = before.get(t.id) ?? { status: '未开始' as const, progress: 0 };
    return { ...kept, ...t, predecessors: t.predecessors.filter((p) => ids.has(p)) };
  });
  doc.battleMap = { ...settings.battleMap, tasks, dispatches: doc.battleMap?.dispatches ?? [] };
}

/** Fixed items first, then tasks by 序号 (the package's, then this library's, then the base's). */
function itemOrder(...settings: readonly DownSettings[]): string[] {
  const tasks = new Map<string, number>();
  for (const s of settings) for (const t of s.tasks) if (!tasks.has(t.id)) tasks.set(t.id, t.seq);
  const byNumber = [...tasks].sort((a, b) => a[1] - b[1]).map(([id]) => TASK_PREFIX + id);
  return [FIXED_ITEMS[0]?.key ?? 'battleMap', ...byNumber, ...FIXED_ITEMS.slice(1).map((i) => i.key)];
}

function labelOf(key: string, value: unknown): string {
  if (key.startsWith(TASK_PREFIX)) {
    const task = value as DownTask | undefined;
    return `作战图任务：${task ? `${task.seq}. ${task.name}` : key.slice(TASK_PREFIX.length)}`;
  }
  return FIXED_ITEMS.find((i) => i.key === key)?.label ?? key;
}

const WORDS: Readonly<Record<string, string>> = {
  ...LEVEL_NAMES,
  A: 'A级',
  B: 'B级',
  C: 'C级',
  D: 'D级',
  mode: '编制方式',
  backward: '倒排工期',
  forward: '顺排工期',
  planStart: '开始',
  finalDeadline: '完成时限',
  dispatchWeekday: '调度日（周几）',
  holidays: '节日',
  grades: '等级',
  workingDaysBefore: '节前工作日',
  assign: '交办',
  review: '复核',
  seq: '序号',
  name: '工作任务',
  method: '实施办法',
  measures: '工作举措',
  unit: '责任单位',
  owner: '责任人',
  durationDays: '工期（工作日）',
  predecessors: '前置任务',
  deadline: '时限要求',
};

/** A value as the clerk reads it in a preview: lists joined, fields named. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(valueText).join('；');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => key !== 'id' && v !== undefined && !(Array.isArray(v) && v.length === 0) && v !== '')
      .map(([key, v]) => `${WORDS[key] ?? key}：${valueText(v)}`)
      .join('，');
  }
  return WORDS[String(value)] ?? String(value);
}

/**
 * The region list: the city's regions above and inside this library's area are added (under
 * their parent) or renamed; regions of the area the city no longer lists are removed when nothing
 * is registered in them, else kept and listed. Matched by 区划代码, then by name under the same parent.
 */
function planRegions(
  doc: DataDoc,
  lib: RegionIndex,
  pkgRegions: readonly Region[],
  own: Region,
  ownInPkg: Region,
  newId: (prefix: string) => string,
): { regions: DownRegions; regionIds: ReadonlyMap<string, string> } {
  const pkg = new RegionIndex(pkgRegions);
  const above = new Set(pkg.ancestry(ownInPkg.id).map((r) => r.id));
  const scope = pkgRegions.filter((r) => above.has(r.id) || pkg.contains(ownInPkg.id, r.id));
  const map = mapRegions(doc.regions, lib, scope, new RegionIndex(scope), newId);
  const added: Region[] = [];
  const renamed: { region: Region; name: string }[] = [];
  for (const r of scope) {
    const mine = map.matched.get(r.id);
    const libRegion = mine === undefined ? undefined : lib.get(mine);
    if (libRegion) {
      if (libRegion.name !== r.name) renamed.push({ region: libRegion, name: r.name });
    } else if (pkg.contains(ownInPkg.id, r.id)) {
      const parentId = r.parentId === null ? null : (map.ids.get(r.parentId) ?? null);
      added.push({ ...r, id: map.ids.get(r.id) ?? r.id, parentId });
    }
  }
  // Regions of the area the city does not list: removed bottom up while they hold nothing.
  const listed = new Set(map.matched.values());
  const unlisted = doc.regions.filter((r) => lib.contains(own.id, r.id) && !listed.has(r.id));
  const holdings = new Map<string, { entities: number; cadres: number; regulators: number }>();
  const count = (regionId: string, what: 'entities' | 'cadres' | 'regulators'): void => {
    const h = holdings.get(regionId) ?? { entities: 0, cadres: 0, regulators: 0 };
    h[what]++;
    holdings.set(regionId, h);
  };
  for (const e of doc.entities) count(e.regionId, 'entities');
  for (const c of doc.cadres) count(c.regionId, 'cadres');
  for (const g of doc.regulators) for (const id of g.regionIds) count(id, 'regulators');
  // A region stays while anything below it stays: the ones the city lists, the ones holding records.
  const keptIds = new Set([...listed].flatMap((id) => lib.ancestry(id).map((a) => a.id)));
  const kept: { region: Region; holds: string }[] = [];
  for (const r of unlisted) {
    const h = holdings.get(r.id);
    if (!h) continue;
    const holds = [h.entities && `${h.entities} 户主体`, h.cadres && `${h.cadres} 名干部`, h.regulators && `${h.regulators} 名网格监管人员`]
      .filter(Boolean)
      .join('、');
    kept.push({ region: r, holds });
    for (const a of lib.ancestry(r.id)) keptIds.add(a.id);
  }
  const removed = unlisted.filter((r) => !keptIds.has(r.id));
  return { regions: { added, renamed, removed, kept }, regionIds: map.ids };
}

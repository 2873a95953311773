import { RegionIndex } from '../domain/regions';
import { CADRE_LEVEL_LABELS, type Cadre } from '../domain/schemas';
import { fileNameText } from '../domain/text';
import { FULFILMENTS } from '../inspections/types';
import type { Cell } from '../records/cell';
import { formatPeople } from '../records/cell';
import type { ReportColumn } from '../reports/summary';
import type { DataDoc } from '../storage/types';
import { inPlanYear } from '../stats/tally';
import { commitmentLetter, DUTIES_HOW, DUTIES_WHAT, TASK_BLOCKS } from './texts';

export interface HandbookColumn extends ReportColumn {
  /** Keys a returned sheet is matched by; kept in the file but not shown or printed. */
  readonly hidden?: boolean;
  /** Filled in by hand on the returned form: checked as a date, or one of `choices` (a drop-down). */
  readonly entry?: boolean;
  readonly choices?: readonly string[];
}

export interface HandbookSheet {
  readonly sheetName: string;
  readonly title: string;
  readonly subtitle: string;
  readonly columns: readonly HandbookColumn[];
  readonly rows: readonly (readonly Cell[])[];
  /** A table (the default); the cover (rows: label, value; subtitle: who printed it, when); a document (rows: paragraphs). */
  readonly layout?: 'table' | 'cover' | 'document';
  /** A document's lines to sign under its text. */
  readonly closing?: readonly string[];
  /** Columns whose blank cells continue the group above (干什么/如何干, 工作板块): printed merged. */
  readonly mergeDown?: readonly number[];
  /** Points each row is at least tall: room to write in by hand. */
  readonly minRowHeight?: number;
}

export interface Handbook {
  readonly fileName: string;
  readonly sheets: readonly HandbookSheet[];
}

/** 督查清单: what the 督查组 check the cadre against; 督导检查要点: what the cadre checks on a visit. */
export const INSPECTION_SHEET = '督查清单';
export const VISIT_CHECKLIST_SHEET = '督导检查要点';

/** The 督导记录表 sheet and its key column: what the importer of returned handbooks looks for. */
export const RECORD_SHEET = '督导记录表';
export const RECORD_KEY_HEADER = '记录编号';
/** What the 检查结果 of a returned record may say (the drop-down; the importer reads these). */
export const CHECK_RESULTS = ['符合', '不符合', '不适用'] as const;
export const RECORD_HEADERS = [
  RECORD_KEY_HEADER,
  '主体名称',
  '计划日期',
  '督导日期',
  '检查结果',
  '发现的问题',
  '整改期限',
  '督导人签字',
] as const;

const text = (label: string, width: number): HandbookColumn => ({ label, width, format: 'text' });

/** 2027-03-01 → 2027年3月1日, the way a 公文 dates itself. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The 承诺书's signature block: the date the office recorded for this year, or blanks to date by hand. */
function signingLines(cadre: Cadre, year: number): string[] {
  const signedOn = cadre.commitments.find((c) => c.year === year)?.signedOn;
  return ['承诺人（签字）：', `日　　期：${signedOn ? chineseDate(signedOn) : '　　　年　　月　　日'}`];
}

/** Active cadres by 旗区 · 乡镇 · 姓名, per list of cadres (a library's, a bulk run's snapshot). */
const namesakesByList = new WeakMap<readonly Cadre[], Map<string, Cadre[]>>();

/**
 * What tells `cadre` apart from an active namesake filed in the same 旗区 and 乡镇 (the city has
 * 14 such pairs): 工作单位, or 职务 where the unit is the same, or both; '' without a namesake.
 */
export function namesakeNote(cadres: readonly Cadre[], cadre: Cadre, regions: RegionIndex): string {
  let groups = namesakesByList.get(cadres);
  if (!groups) {
    groups = new Map();
    for (const c of cadres) {
      if (!c.active) continue;
      const key = `${filingPlace(c, regions).join('/')}/${c.name}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    namesakesByList.set(cadres, groups);
  }
  const others = (groups.get(`${filingPlace(cadre, regions).join('/')}/${cadre.name}`) ?? []).filter((c) => c.id !== cadre.id);
  if (others.length === 0) return '';
  if (cadre.unit && others.every((c) => c.unit !== cadre.unit)) return cadre.unit;
  if (cadre.position && others.every((c) => c.position !== cadre.position)) return cadre.position;
  return [cadre.unit, cadre.position].filter(Boolean).join('');
}

/** 张伟, or 张伟（昭君镇人民政府） where a namesake is filed beside him. */
export function cadreLabel(cadres: readonly Cadre[], cadre: Cadre, regions: RegionIndex): string {
  const note = namesakeNote(cadres, cadre, regions);
  return note ? `${cadre.name}（${note}）` : cadre.name;
}

/** The folders an office files a cadre's papers in: 旗区 (市级 for the city's own), then 乡镇 if any. */
export function filingPlace(cadre: Cadre, regions: RegionIndex): string[] {
  const county = regions.atLevel(cadre.regionId, 'county')?.name ?? '市级';
  const township = regions.atLevel(cadre.regionId, 'township')?.name;
  return township ? [county, township] : [county];
}

function safeFilePart(name: string): string {
  return fileNameText(name).replace(/\s+/g, '') || '未命名';
}

/**
 * 包保干部工作手册 for one cadre (docs/domain.md#工作手册): the 三单一书 (责任清单, 任务清单, 督查清单, 承诺书)
 * with the cover, duties, 督导检查要点, visit plan, record forms and contacts. Pure data; main writes the file.
 */
export function buildHandbook(doc: DataDoc, cadre: Cadre, today: string, regions: RegionIndex = new RegionIndex(doc.regions)): Handbook {
  const year = doc.profile.planYear;
  const { orgName } = doc.profile;
  const entityIds = new Set(doc.assignments.filter((a) => a.end === '' && a.cadreId === cadre.id).map((a) => a.entityId));
  const entities = doc.entities
    .filter((e) => entityIds.has(e.id))
    .sort((a, b) => a.grade.localeCompare(b.grade) || a.name.localeCompare(b.name, 'zh'));
  const regulators = new Map(doc.regulators.map((r) => [r.id, r]));
  const visits = doc.visits
    .filter((v) => v.cadreId === cadre.id && inPlanYear(v, year) && entityIds.has(v.entityId))
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const monthsOf = new Map<string, string[]>();
  for (const v of visits) monthsOf.set(v.entityId, [...(monthsOf.get(v.entityId) ?? []), String(Number(v.plannedDate.slice(5, 7)))]);
  const area = regions.path(cadre.regionId) || regions.get(cadre.regionId)?.name || '';
  const label = cadreLabel(doc.cadres, cadre, regions);
  const who = `${label}（${CADRE_LEVEL_LABELS[cadre.level]}，${area}）`;
  const book = `${year}年度包保干部工作手册`;

  const sheets: HandbookSheet[] = [
    {
      sheetName: '封面',
      layout: 'cover',
      title: `${orgName}\n落实食品安全包保责任\n${book}`,
      subtitle: `编印单位：${orgName}\n${chineseDate(today)}`,
      columns: [text('', 32), text('', 50)],
      rows: [
        ['包保干部', cadre.position ? `${cadre.name}（${cadre.position}）` : cadre.name],
        ['工作单位', cadre.unit],
        ['包保区域', `${area}（${CADRE_LEVEL_LABELS[cadre.level]}）`],
        ['年　　度', `${year}年`],
      ],
    },
    {
      sheetName: '工作职责',
      title: '包保干部工作职责（干什么、如何干）',
      subtitle: who,
      columns: [text('事项', 10), text('内容', 70)],
      mergeDown: [0],
      rows: [
        ...DUTIES_WHAT.map((t, i): Cell[] => [i === 0 ? '干什么' : '', t]),
        ...DUTIES_HOW.map((t, i): Cell[] => [i === 0 ? '如何干' : '', t]),
      ],
    },
    {
      sheetName: '责任清单',
      title: '包保责任清单',
      subtitle: `${who}　共 ${entities.length} 户`,
      columns: [
        { label: '序号', width: 5, format: 'number' },
        text('主体名称', 24),
        text('等级', 5),
        text('类型', 9),
        text('地址', 26),
        text('负责人及电话', 18),
        text('食品安全总监/安全员', 20),
        text('网格监管人员及电话', 18),
        text('计划督导月份', 14),
      ],
      rows: entities.map((e, i): Cell[] => {
        const regulator = regulators.get(e.regulatorId);
        return [
          i + 1,
          e.name,
          e.grade,
          e.type,
          e.address,
          [e.legalRep, e.legalRepPhone].filter(Boolean).join(' '),
          [
            e.director ? `总监 ${formatPeople([e.director])}` : '',
            e.safetyOfficers.length > 0 ? `安全员 ${formatPeople(e.safetyOfficers)}` : '',
          ]
            .filter(Boolean)
            .join('；'),
          regulator ? [regulator.name, regulator.phone].filter(Boolean).join(' ') : '',
          // 2、5、8、11月: one 月 keeps four visits on one line of the column.
          monthsOf.has(e.id) ? `${monthsOf.get(e.id)?.join('、')}月` : '',
        ];
      }),
    },
    {
      sheetName: '任务清单',
      title: '包保任务清单',
      subtitle: who,
      columns: [text('工作板块', 14), { label: '序号', width: 5, format: 'number' }, text('工作任务', 60)],
      mergeDown: [0],
      rows: TASK_BLOCKS.flatMap((b) => b.tasks.map((t, i): Cell[] => [i === 0 ? b.block : '', i + 1, t])),
    },
    {
      sheetName: INSPECTION_SHEET,
      title: '督查清单',
      subtitle: `${who}　省、市、旗区、乡镇督查组据此督查责任清单和任务清单的落实情况`,
      columns: [
        { label: '序号', width: 5, format: 'number' },
        text('督查事项', 56),
        { ...text('落实情况', 10), entry: true, choices: FULFILMENTS },
        text('说明', 16),
      ],
      minRowHeight: 30,
      rows: doc.profile.inspectionItems.map((item, i): Cell[] => [i + 1, item, null, null]),
    },
    {
      sheetName: VISIT_CHECKLIST_SHEET,
      title: `督导检查要点（${CADRE_LEVEL_LABELS[cadre.level]}）`,
      subtitle: '每次督导对照逐项检查，结果填入督导记录表',
      columns: [{ label: '序号', width: 5, format: 'number' }, text('检查要点', 70)],
      rows: doc.profile.checklistByLevel[cadre.level].map((item, i): Cell[] => [i + 1, item]),
    },
    {
      sheetName: '督导计划',
      title: `${year}年度督导计划`,
      subtitle: `${who}　共 ${visits.length} 次`,
      columns: [
        { label: '序号', width: 5, format: 'number' },
        { label: '计划日期', width: 12, format: 'date' },
        text('主体名称', 30),
        text('完成情况', 12),
      ],
      rows: visits.map((v, i): Cell[] => [
        i + 1,
        { date: v.plannedDate },
        entityName.get(v.entityId) ?? '',
        v.doneDate ? `已于${chineseDate(v.doneDate)}完成` : '',
      ]),
    },
    {
      sheetName: RECORD_SHEET,
      title: '督导记录表',
      subtitle: '督导后填写“督导日期、检查结果、发现的问题、整改期限”并签字，交回市场监管部门录入（请勿删除或修改隐藏的记录编号列）',
      minRowHeight: 40,
      columns: [
        { label: RECORD_KEY_HEADER, width: 12, format: 'text', hidden: true },
        text('主体名称', 26),
        { label: '计划日期', width: 11, format: 'date' },
        { label: '督导日期', width: 11, format: 'date', entry: true },
        { ...text('检查结果', 10), entry: true, choices: CHECK_RESULTS },
        text('发现的问题', 30),
        { label: '整改期限', width: 11, format: 'date', entry: true },
        text('督导人签字', 10),
      ],
      rows: visits
        .filter((v) => !v.doneDate)
        .map((v): Cell[] => [v.id, entityName.get(v.entityId) ?? '', { date: v.plannedDate }, null, null, null, null, null]),
    },
    {
      sheetName: '承诺书',
      layout: 'document',
      title: '食品安全责任与任务承诺书',
      subtitle: '',
      columns: [text('', 80)],
      rows: commitmentLetter(cadre.name, orgName, year).map((line): Cell[] => [line]),
      closing: signingLines(cadre, year),
    },
    {
      sheetName: '联系方式',
      title: '工作联系方式',
      subtitle: '所包保主体的网格监管人员',
      columns: [text('姓名', 10), text('工作单位', 30), text('联系电话', 14), text('负责区域', 30)],
      rows: [...new Set(entities.map((e) => e.regulatorId).filter(Boolean))]
        .map((id) => regulators.get(id))
        .filter((r): r is NonNullable<typeof r> => r !== undefined)
        .map((r): Cell[] => [r.name, r.unit, r.phone, r.regionIds.map((id) => regions.get(id)?.name ?? '').join('、')]),
    },
  ];

  return { fileName: cadreFileName(cadre, regions, '包保干部工作手册', year, 'xlsx', namesakeNote(doc.cadres, cadre, regions)), sheets };
}

/** 旗区-乡镇-姓名-<document>-年度.<ext>: how the office files a cadre's papers; a namesake's name carries its `note` (单位 or 职务). */
export function cadreFileName(cadre: Cadre, regions: RegionIndex, document: string, year: number, extension: string, note = ''): string {
  const parts = [...filingPlace(cadre, regions), note ? `${cadre.name}（${note}）` : cadre.name].map(safeFilePart);
  return `${parts.join('-')}-${document}-${year}.${extension}`;
}

import { chineseDate } from '@shared/handbook/handbook';
import { packageTime } from '@shared/packages/api';
import { downPackageOf, valueText, type DownContent } from '@shared/packages/down';
import { exportTable } from '@shared/records';
import type { RecordContext } from '@shared/records/types';
import type { TableSheet } from '../export/xlsx';
import { listSheet } from '../handlers/export';
import { buildDownloadWorkbook } from '../workers/workbook-pool';
import { addMachinePart } from './file';

export interface BuiltDownPackage {
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly content: DownContent;
}

const LEVEL_ROWS = [
  ['city', '市级干部'],
  ['county', '旗区级干部'],
  ['township', '乡镇级干部'],
  ['village', '村级干部'],
] as const;

/**
 * A 下发包 of the library's own area (docs/domain.md#上报包与下发包): a cover, the 作战图 tasks, the
 * 督导检查要点 and 督查清单, the 督导 frequencies and deadlines, the letter template and the region
 * list — each a sheet to read and print in Excel/WPS — and the machine part the 旗区 take in.
 */
export async function buildDownPackage(recordCtx: RecordContext, areaId: string, createdAt: string): Promise<BuiltDownPackage> {
  const { doc, regions, today } = recordCtx;
  const content = downPackageOf(doc, areaId, { unit: doc.profile.orgName, operator: doc.profile.operatorName, createdAt });
  const { manifest, settings } = content;
  const inArea = content.regions.filter((r) => regions.contains(areaId, r.id));
  const subtitle = `下发单位：${manifest.unit}　生成时间：${packageTime(createdAt)}`;
  const table = (sheetName: string, columns: TableSheet['columns'], rows: TableSheet['rows']): TableSheet => ({
    sheetName,
    title: `${manifest.region.name}${sheetName}`,
    subtitle,
    paper: 'A4',
    columns,
    rows,
  });
  const text = (label: string, width: number) => ({ label, width, format: 'text' as const });
  const rules = settings.visitRules;
  const sheets: TableSheet[] = [
    {
      sheetName: '封面',
      layout: 'cover',
      title: `${manifest.region.name}\n食品安全包保工作下发包\n（${manifest.year}年度）`,
      subtitle: `下发单位：${manifest.unit}\n${chineseDate(today)}`,
      columns: [],
      rows: [
        ['下发单位', manifest.unit],
        ['操 作 人', manifest.operator],
        ['下发区域', `${manifest.region.name}${manifest.region.code ? `（${manifest.region.code}）` : ''}及所辖区域`],
        ['生成时间', packageTime(createdAt)],
        ['作战任务', `${settings.tasks.length} 项`],
        ['检查要点', `${LEVEL_ROWS.reduce((sum, [level]) => sum + settings.checklistByLevel[level].length, 0)} 条（四个层级）`],
        ['督查清单', `${settings.inspectionItems.length} 项`],
        ['行政区划', `${inArea.length} 个`],
        // One line: a longer note wraps mid-phrase on the cover.
        ['说　　明', '请原样转发，勿修改另存'],
      ],
    },
    table(
      '作战图任务',
      [
        text('序号', 6),
        text('工作任务', 24),
        text('实施办法', 36),
        text('工作举措', 36),
        text('责任单位', 14),
        text('责任人', 10),
        text('工期（工作日）', 14),
        text('时限要求', 12),
      ],
      [...settings.tasks]
        .sort((a, b) => a.seq - b.seq)
        .map((t) => [String(t.seq), t.name, t.method, t.measures, t.unit, t.owner, String(t.durationDays), t.deadline ?? '']),
    ),
    {
      ...table(
        '督导检查要点',
        [text('干部层级', 12), text('序号', 6), text('检查要点', 80)],
        LEVEL_ROWS.flatMap(([level, label]) =>
          settings.checklistByLevel[level].map((item, i) => [i === 0 ? label : '', String(i + 1), item]),
        ),
      ),
      // The level written once, merged down over its 要点.
      mergeDown: [0],
    },
    table(
      '督查清单',
      [text('序号', 6), text('督查事项', 90)],
      settings.inspectionItems.map((item, i) => [String(i + 1), item]),
    ),
    table(
      '督导频次与期限',
      [text('设置项', 34), text('规定', 64)],
      [
        ['作战图', valueText(settings.battleMap) || '（未编制）'],
        ['各等级主体每年督导次数', valueText(rules.perYearByGrade)],
        ['各层级干部每年督导次数', valueText(rules.perYearByLevel)],
        ['每名干部每周督导上限', `${rules.weeklyCapPerCadre} 次`],
        ['须现场督导的主体等级', valueText(rules.onSiteGrades)],
        ['节前督导', valueText(rules.holidayExtras) || '（无）'],
        ['问题整改期限（工作日）', valueText(rules.problemDays)],
        ['主体变动报告期限（工作日）', String(settings.statusDeadlines.reportDays)],
        ['包保调整期限（工作日）', String(settings.statusDeadlines.adjustDays)],
      ],
    ),
    table(
      '一封信模板',
      [text('项目', 18), text('内容', 80)],
      [
        ['标题', settings.letter.title],
        ['称呼', settings.letter.greeting],
        ['正文', settings.letter.body],
        ['落款', settings.letter.closing],
        ...LEVEL_ROWS.map(([level, label]) => [`${label}职责`, settings.letter.dutiesByLevel[level]]),
      ],
    ),
    listSheet('regions', recordCtx, exportTable('regions', recordCtx, undefined, inArea)),
  ];
  const workbook = await buildDownloadWorkbook(sheets);
  const { bytes, sha256 } = await addMachinePart(workbook, content);
  return { bytes, sha256, content };
}

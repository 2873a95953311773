import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ApiHandlers, ApiParsed } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { RegionIndex } from '@shared/domain/regions';
import type { Cadre } from '@shared/domain/schemas';
import { buildHandbook, type Handbook, type HandbookSheet } from '@shared/handbook/handbook';
import { readReturnedRecords } from '@shared/handbook/returned';
import { inPlanYear } from '@shared/stats/tally';
import { copyJson } from '@shared/storage/copy';
import type { Cell } from '@shared/records/cell';
import type { DataDoc } from '@shared/storage/types';
import { skippedFile, uniqueFileName, type SkippedFile } from '../export/unique-name';
import { buildWorkbook, type TableSheet } from '../export/xlsx';
import type { JobControl, JobOutcome, JobRunner } from '../jobs';
import { exportDirOf } from '../paths';
import { writeFileAtomic } from '../storage/atomic-file';
import { readSheetsOffThread } from '../workers/off-thread';
import { buildWorkbookOffThread, WorkbookPipe, WorkbookPool } from '../workers/workbook-pool';
import { notFound, type HandlerContext } from './context';

/**
 * Most cadres in one 合订本: exceljs holds the workbook in memory and Excel slows down on huge
 * sheets. Every 旗区 of the city fits (the largest, 东胜区, has about 660: some 30 s and 350 MB);
 * the whole city (2,684) goes one file each.
 */
export const COMBINED_LIMIT = 800;

type BulkRequest = ApiParsed<'handbooks:exportAll'>;

function handbookSheets(handbook: Handbook): TableSheet[] {
  return handbook.sheets.map((sheet) => ({ ...sheet, paper: 'A4' as const }));
}

/**
 * What a bulk run reads, copied when it starts and seen as the plan year `year` (the handbooks'
 * year): every handbook of the run shows the library as it was then, whatever is edited while it
 * runs, and no edit changes an object the run holds. Only what its handbooks show is copied (its
 * cadres, their current 包保 and 主体, the year's visits of those), once per run: for every cadre
 * of the city with a year's 85,000 planned visits, ~100–300 ms of a ~20 s run.
 */
function handbookSnapshot(doc: DataDoc, cadres: readonly Cadre[], year: number | undefined): { doc: DataDoc; cadres: Cadre[]; regions: RegionIndex } {
  const cadreIds = new Set(cadres.map((c) => c.id));
  const assignments = doc.assignments.filter((a) => a.end === '' && cadreIds.has(a.cadreId));
  const entityIds = new Set(assignments.map((a) => a.entityId));
  const planYear = year ?? doc.profile.planYear;
  const copy = copyJson({
    cadres: [...cadres],
    assignments,
    entities: doc.entities.filter((e) => entityIds.has(e.id)),
    visits: doc.visits.filter((v) => cadreIds.has(v.cadreId) && entityIds.has(v.entityId) && inPlanYear(v, planYear)),
    regions: doc.regions,
    regulators: doc.regulators,
    profile: doc.profile,
    calendar: doc.calendar,
  });
  const profile = { ...copy.profile, planYear };
  // The 作战图 and the 操作日志 are not in a handbook.
  const snapshot: DataDoc = { ...copy, profile, schemaVersion: doc.schemaVersion, createdAt: doc.createdAt, battleMap: null, log: [] };
  return { doc: snapshot, cadres: copy.cadres, regions: new RegionIndex(copy.regions) };
}

/** 20261203-0905: a run's folder name, sortable. */
function stamp(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** 合订本: each handbook sheet once, all cadres in it with a 包保干部 column, a new page per cadre. */
function combinedSheets(parts: readonly { readonly who: string; readonly handbook: Handbook }[], orgName: string, year: number, today: string): TableSheet[] {
  const first = parts[0]?.handbook.sheets ?? [];
  return first.map((model: HandbookSheet, index): TableSheet => {
    const rows: Cell[][] = [];
    const pageBreaksAfter: number[] = [];
    for (const { who, handbook } of parts) {
      const sheet = handbook.sheets[index];
      const own = sheet && sheet.rows.length > 0 ? sheet.rows : [['（无）']];
      for (const row of own) rows.push([who, ...row]);
      pageBreaksAfter.push(rows.length - 1);
    }
    pageBreaksAfter.pop();
    return {
      sheetName: model.sheetName,
      title: `${orgName}${year}年度包保干部工作手册（合订本）·${model.sheetName}`,
      subtitle: `共 ${parts.length} 名包保干部，每名干部另起一页　　制表日期：${today}`,
      columns: [{ label: '包保干部', width: 12, format: 'text' }, ...model.columns],
      rows,
      pageBreaksAfter,
      paper: 'A4',
    };
  });
}

/** Writes one file of a bulk export; one that cannot be written is recorded on the job and returned. */
async function writeOrSkip(job: JobControl, folder: string, name: string, bytes: Buffer): Promise<SkippedFile | null> {
  try {
    await writeFileAtomic(path.join(folder, name), bytes);
  } catch (error) {
    const file = skippedFile(name, error);
    job.skip(file);
    return file;
  }
  job.wrote();
  return null;
}

/** The closing sentence's part on files not written: which, and why. */
function skippedNote(skipped: readonly SkippedFile[]): string {
  if (skipped.length === 0) return '';
  return `；${skipped.length} 个文件未能写入：${skipped.map((f) => `“${f.fileName}”（${f.reason}）`).join('；')}。请处理后重新导出这些文件`;
}

export function handbookHandlers(ctx: HandlerContext, jobs: JobRunner): Pick<ApiHandlers, 'handbook:export' | 'handbook:import' | 'handbooks:exportAll'> {
  /** Active cadres of the scope in 旗区 · 乡镇 · 姓名 order (the order of the files in the folder). */
  const cadresOf = (doc: DataDoc, regions: RegionIndex, { regionId, level }: BulkRequest): Cadre[] =>
    doc.cadres
      .filter((c) => c.active && (!level || c.level === level) && (!regionId || regions.contains(regionId, c.regionId)))
      .map((c) => ({ cadre: c, path: regions.path(c.regionId) }))
      .sort((a, b) => a.path.localeCompare(b.path, 'zh') || a.cadre.name.localeCompare(b.cadre.name, 'zh'))
      .map((c) => c.cadre);

  /** Creates the run's folder; a folder that cannot be made is the user's to fix, said so. */
  const prepareFolder = async (request: BulkRequest, year: number): Promise<string> => {
    const base = path.resolve(request.outDir || exportDirOf(ctx.store.dataDir));
    const folder = request.subfolder ? path.join(base, uniqueFileName(base, `包保干部工作手册-${year}年度-${stamp(ctx.deps.now())}`)) : base;
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      throw new ApiError('invalid-argument', `无法在“${base}”中建立导出文件夹（${reason}），请换一个有写入权限的文件夹`);
    }
    return folder;
  };

  const writeEach = async (job: JobControl, doc: DataDoc, cadres: readonly Cadre[], regions: RegionIndex, folder: string): Promise<JobOutcome> => {
    const used = new Set<string>();
    const today = ctx.today();
    const pool = await WorkbookPool.open();
    let written = 0;
    const skipped: SkippedFile[] = [];
    // Files are written in the cadres' order as their workbooks come out of the pool; one that
    // cannot be written is reported and the others are still written.
    const pipe = new WorkbookPipe<string>(pool, async (bytes, name) => {
      const file = await writeOrSkip(job, folder, name, bytes);
      if (file) skipped.push(file);
      else written++;
    });
    try {
      for (const [i, cadre] of cadres.entries()) {
        await pipe.room();
        if ((await job.checkpoint(written, cadres.length, `正在导出第 ${i + 1}/${cadres.length} 本：${cadre.name}`)) === 'cancelled') {
          // The workbooks already being made are the "current file": finished and kept.
          await pipe.drain();
          return { cancelled: true, message: `已取消：已导出 ${written} 本工作手册（共 ${cadres.length} 本），保存在 ${folder}` };
        }
        const handbook = buildHandbook(doc, cadre, today, regions);
        pipe.add(handbookSheets(handbook), uniqueFileName(folder, handbook.fileName, used));
      }
      await pipe.drain();
    } finally {
      await pool.close();
    }
    await job.checkpoint(cadres.length, cadres.length, '已完成');
    return { cancelled: false, message: `已导出 ${written} 本工作手册到 ${folder}${skippedNote(skipped)}` };
  };

  const writeCombined = async (job: JobControl, doc: DataDoc, cadres: readonly Cadre[], regions: RegionIndex, folder: string, label: string): Promise<JobOutcome> => {
    const today = ctx.today();
    const parts: { who: string; handbook: Handbook }[] = [];
    // The last unit is writing the file, which takes about as long as building all the parts.
    const total = cadres.length * 2;
    for (const [i, cadre] of cadres.entries()) {
      if ((await job.checkpoint(i, total, `正在整理第 ${i + 1}/${cadres.length} 名干部：${cadre.name}`)) === 'cancelled') {
        return { cancelled: true, message: '已取消，未生成合订本' };
      }
      const place = regions.atLevel(cadre.regionId, 'township')?.name ?? regions.atLevel(cadre.regionId, 'county')?.name ?? '';
      parts.push({ who: place ? `${cadre.name}（${place}）` : cadre.name, handbook: buildHandbook(doc, cadre, today, regions) });
    }
    if ((await job.checkpoint(cadres.length, total, `正在生成合订本（${cadres.length} 名干部），请稍候…`)) === 'cancelled') {
      return { cancelled: true, message: '已取消，未生成合订本' };
    }
    const year = doc.profile.planYear;
    const name = uniqueFileName(folder, `${label}-包保干部工作手册合订本-${year}.xlsx`);
    // Many seconds of exceljs work for a large scope: in a thread of its own, so requests are answered meanwhile.
    const skipped = await writeOrSkip(job, folder, name, await buildWorkbookOffThread(combinedSheets(parts, doc.profile.orgName, year, today)));
    await job.checkpoint(total, total, '已完成');
    if (skipped) return { cancelled: false, message: `未能写入合订本“${name}”：${skipped.reason}` };
    return { cancelled: false, message: `已生成合订本“${name}”（${cadres.length} 名干部），保存在 ${folder}` };
  };

  return {
    'handbook:export': async ({ cadreId }) => {
      const doc = ctx.doc();
      const cadre = doc.cadres.find((c) => c.id === cadreId);
      if (!cadre) throw notFound('干部');
      const handbook = buildHandbook(doc, cadre, ctx.today(), ctx.lists().regions);
      return { fileName: handbook.fileName, contentBase64: (await buildWorkbook(handbookSheets(handbook))).toString('base64') };
    },

    'handbooks:exportAll': async (request) => {
      const live = ctx.lists().regions;
      const scope = request.regionId ? live.get(request.regionId) : undefined;
      if (request.regionId && !scope) throw notFound('区划');
      const { doc, cadres, regions } = handbookSnapshot(ctx.doc(), cadresOf(ctx.doc(), live, request), request.year);
      if (cadres.length === 0) throw new ApiError('invalid-argument', '所选范围和层级内没有在岗的包保干部，请换一个范围或层级');
      if (request.combined && cadres.length > COMBINED_LIMIT) {
        throw new ApiError(
          'invalid-argument',
          `合订本最多包含 ${COMBINED_LIMIT} 名干部，所选范围有 ${cadres.length} 名：请选择一个旗区或乡镇、或选择干部层级缩小范围，或改为“每人一个文件”`,
        );
      }
      const folder = await prepareFolder(request, doc.profile.planYear);
      const label = scope?.name ?? doc.profile.orgName;
      return jobs.start('handbooks', request.combined ? '生成包保干部工作手册合订本' : '批量导出包保干部工作手册', folder, (job) =>
        request.combined ? writeCombined(job, doc, cadres, regions, folder, label) : writeEach(job, doc, cadres, regions, folder),
      );
    },

    'handbook:import': async ({ fileName, contentBase64 }) => {
      const sheets = await readSheetsOffThread(fileName, Buffer.from(contentBase64, 'base64'));
      const plan = readReturnedRecords(sheets, ctx.doc().visits, ctx.today());
      if ('error' in plan) throw new ApiError('invalid-argument', plan.error);
      if (plan.records.length > 0) {
        await ctx.backup('import');
        await ctx.store.update((doc) => {
          const byId = new Map(doc.visits.map((v) => [v.id, v]));
          for (const r of plan.records) {
            const visit = byId.get(r.visitId);
            if (!visit) continue;
            visit.doneDate = r.doneDate;
            if (r.result) visit.checklist = [{ item: '督查清单综合检查', result: r.result }];
            visit.problems = r.problem ? [{ id: visit.problems[0]?.id ?? ctx.newId('Q'), ...r.problem }] : [];
          }
          ctx.log(doc, 'handbook:import', `录入交回的督导记录表“${fileName}”：${plan.records.length} 次督导`, undefined, { visitIds: plan.records.map((r) => r.visitId) });
        });
      }
      const count = (outcome: string) => plan.rows.filter((r) => r.outcome === outcome).length;
      return {
        recorded: count('record'),
        unchanged: count('unchanged'),
        pending: plan.pending,
        rejected: plan.rows.filter((r) => r.outcome === 'reject').map(({ row, entityName, reason }) => ({ row, entityName, reason })),
      };
    },
  };
}

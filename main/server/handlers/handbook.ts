import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ApiHandlers, ApiParsed } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { RegionIndex } from '@shared/domain/regions';
import type { Cadre } from '@shared/domain/schemas';
import { buildHandbook, cadreLabel, filingPlace, type Handbook } from '@shared/handbook/handbook';
import { readReturnedRecords } from '@shared/handbook/returned';
import { inPlanYear } from '@shared/stats/tally';
import { copyJson } from '@shared/storage/copy';
import type { DataDoc } from '@shared/storage/types';
import { safeFileName, skippedFile, uniqueFileName, type SkippedFile } from '../export/unique-name';
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

type BulkRequest = ApiParsed<'handbook:exportAll'>;

/** A handbook's sheets as printed: A4, and no page with a table's last row alone. */
export function handbookSheets(handbook: Handbook): TableSheet[] {
  return handbook.sheets.map((sheet) => ({ ...sheet, paper: 'A4' as const, planPages: true }));
}

/**
 * What a bulk run reads, copied when it starts and seen as the plan year `year` (the handbooks'
 * year): every handbook of the run shows the library as it was then, whatever is edited while it
 * runs, and no edit changes an object the run holds. Only what its handbooks show is copied (its
 * cadres, their current 包保 and 主体, the year's visits of those), once per run: for every cadre
 * of the city with a year's 85,000 planned visits, ~100–300 ms of a ~20 s run.
 */
function handbookSnapshot(
  doc: DataDoc,
  cadres: readonly Cadre[],
  year: number | undefined,
): { doc: DataDoc; cadres: Cadre[]; regions: RegionIndex } {
  const cadreIds = new Set(cadres.map((c) => c.id));
  const assignments = doc.assignments.filter((a) => a.end === '' && cadreIds.has(a.cadreId));
  const entityIds = new Set(assignments.map((a) => a.entityId));
  const planYear = year ?? doc.profile.planYear;
  const names = new Set(cadres.map((c) => c.name));
  // Namesakes outside the scope (another level) still tell a cadre's file and labels apart.
  const namesakes = doc.cadres.filter((c) => c.active && !cadreIds.has(c.id) && names.has(c.name));
  const copy = copyJson({
    cadres: [...cadres, ...namesakes],
    assignments,
    entities: doc.entities.filter((e) => entityIds.has(e.id)),
    visits: doc.visits.filter((v) => cadreIds.has(v.cadreId) && entityIds.has(v.entityId) && inPlanYear(v, planYear)),
    regions: doc.regions,
    regulators: doc.regulators,
    profile: doc.profile,
    calendar: doc.calendar,
  });
  const profile = { ...copy.profile, planYear };
  // The 作战图, the 督查 records, the 主体变动 records, the 操作日志 and the 上报包 and 下发包 received are not in a handbook.
  const snapshot: DataDoc = {
    ...copy,
    profile,
    schemaVersion: doc.schemaVersion,
    createdAt: doc.createdAt,
    battleMap: null,
    inspections: [],
    entityChanges: [],
    log: [],
    receivedPackages: [],
    downward: { base: null, taken: [] },
  };
  return { doc: snapshot, cadres: copy.cadres.slice(0, cadres.length), regions: new RegionIndex(copy.regions) };
}

/** 20261203-0905: a run's folder name, sortable. */
function stamp(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/**
 * 合订本: each cadre's handbook in turn, all its sheets together, every table page headed with whose
 * it is (the cover and 承诺书 name the cadre in their text); sheet names numbered by cadre.
 */
function combinedSheets(
  parts: readonly { readonly label: string; readonly cadreName: string; readonly handbook: Handbook }[],
): TableSheet[] {
  return parts.flatMap(({ label, cadreName, handbook }, i) =>
    handbookSheets(handbook).map((sheet) => ({
      ...sheet,
      sheetName: `${i + 1}.${cadreName}·${sheet.sheetName}`,
      pageHeader: `${label}　包保干部工作手册`,
    })),
  );
}

/** The cadres by where the office files them (旗区, 乡镇), in the order given. */
function byFilingPlace(cadres: readonly Cadre[], regions: RegionIndex): Map<string, { place: string[]; cadres: Cadre[] }> {
  const groups = new Map<string, { place: string[]; cadres: Cadre[] }>();
  for (const cadre of cadres) {
    const place = filingPlace(cadre, regions);
    const key = place.join('/');
    const group = groups.get(key) ?? { place, cadres: [] };
    group.cadres.push(cadre);
    groups.set(key, group);
  }
  return groups;
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

export function handbookHandlers(
  ctx: HandlerContext,
  jobs: JobRunner,
): Pick<ApiHandlers, 'handbook:export' | 'handbook:import' | 'handbook:exportAll' | 'handbook:view'> {
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
    const folder = request.subfolder
      ? path.join(base, uniqueFileName(base, `包保干部工作手册-${year}年度-${stamp(ctx.deps.now())}`))
      : base;
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      throw new ApiError('invalid-argument', `无法在“${base}”中建立导出文件夹（${reason}），请换一个有写入权限的文件夹`);
    }
    return folder;
  };

  /** The run's subfolder for `place` (旗区, then 乡镇), made when first needed; relative to `folder`. */
  const filingFolder = async (folder: string, place: readonly string[], made: Set<string>): Promise<string> => {
    let relative = '';
    for (const part of place) relative = path.join(relative, safeFileName(path.join(folder, relative), part));
    if (!made.has(relative)) {
      made.add(relative);
      // A folder that cannot be made fails its files' writes, which are then listed with the reason.
      await mkdir(path.join(folder, relative), { recursive: true }).catch(() => undefined);
    }
    return relative;
  };

  const writeEach = async (
    job: JobControl,
    doc: DataDoc,
    cadres: readonly Cadre[],
    regions: RegionIndex,
    folder: string,
  ): Promise<JobOutcome> => {
    const used = new Set<string>();
    const made = new Set<string>();
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
        // As an office files them: a folder per 旗区, in it one per 乡镇.
        const dir = await filingFolder(folder, filingPlace(cadre, regions), made);
        pipe.add(handbookSheets(handbook), path.join(dir, uniqueFileName(path.join(folder, dir), handbook.fileName, used)));
      }
      await pipe.drain();
    } finally {
      await pool.close();
    }
    await job.checkpoint(cadres.length, cadres.length, '已完成');
    return { cancelled: false, message: `已导出 ${written} 本工作手册到 ${folder}${skippedNote(skipped)}` };
  };

  /**
   * One 合订本 per 乡镇 (旗区级 cadres: per 旗区; 市级: one), in the 旗区's folder: a 乡镇's prints in
   * a few minutes, while a whole 旗区's (300 cadres and more) would not finish printing.
   */
  const writeCombined = async (
    job: JobControl,
    doc: DataDoc,
    cadres: readonly Cadre[],
    regions: RegionIndex,
    folder: string,
  ): Promise<JobOutcome> => {
    const today = ctx.today();
    const year = doc.profile.planYear;
    const made = new Set<string>();
    const written: string[] = [];
    const skipped: SkippedFile[] = [];
    const cancelled = (): JobOutcome => ({
      cancelled: true,
      message: written.length === 0 ? '已取消，未生成合订本' : `已取消：已生成 ${written.length} 本合订本，保存在 ${folder}`,
    });
    // Building a group's handbooks and writing its workbook take about as long: two units per cadre.
    const total = cadres.length * 2;
    let done = 0;
    let prepared = 0;
    for (const { place, cadres: members } of byFilingPlace(cadres, regions).values()) {
      const parts: { label: string; cadreName: string; handbook: Handbook }[] = [];
      for (const cadre of members) {
        if ((await job.checkpoint(done, total, `正在整理第 ${++prepared}/${cadres.length} 名干部：${cadre.name}`)) === 'cancelled')
          return cancelled();
        parts.push({
          label: cadreLabel(doc.cadres, cadre, regions),
          cadreName: cadre.name,
          handbook: buildHandbook(doc, cadre, today, regions),
        });
        done++;
      }
      if ((await job.checkpoint(done, total, `正在生成${place.join('')}的合订本（${members.length} 名干部），请稍候…`)) === 'cancelled')
        return cancelled();
      const dir = await filingFolder(folder, place.slice(0, 1), made);
      const name = path.join(dir, uniqueFileName(path.join(folder, dir), `${place.join('-')}-包保干部工作手册合订本-${year}.xlsx`));
      // Many seconds of exceljs work for a large 乡镇: in a thread of its own, so requests are answered meanwhile.
      const file = await writeOrSkip(job, folder, name, await buildWorkbookOffThread(combinedSheets(parts)));
      if (file) skipped.push(file);
      else written.push(name);
      done += members.length;
    }
    await job.checkpoint(total, total, '已完成');
    if (written.length === 0 && skipped.length > 0) {
      const reasons = skipped.map((f) => `“${f.fileName}”（${f.reason}）`).join('；');
      return { cancelled: false, message: `未能写入合订本：${reasons}。请处理后重新导出` };
    }
    const what = written.length === 1 ? `合订本“${written[0]}”` : `${written.length} 本合订本（每个乡镇一本）`;
    return { cancelled: false, message: `已生成${what}（${cadres.length} 名干部），保存在 ${folder}${skippedNote(skipped)}` };
  };

  return {
    // The 工作手册 as pages, for its print view.
    'handbook:view': async ({ cadreId }) => {
      const doc = ctx.doc();
      const cadre = doc.cadres.find((c) => c.id === cadreId);
      if (!cadre) throw notFound('干部');
      return { ...buildHandbook(doc, cadre, ctx.today(), ctx.lists().regions), cadreName: cadre.name };
    },

    'handbook:export': async ({ cadreId, year }) => {
      const doc = ctx.doc();
      const cadre = doc.cadres.find((c) => c.id === cadreId);
      if (!cadre) throw notFound('干部');
      // Another year than the plan year: that year's plan and 承诺书, as the bulk export makes it.
      const source = year === undefined ? { doc, cadres: [cadre], regions: ctx.lists().regions } : handbookSnapshot(doc, [cadre], year);
      const handbook = buildHandbook(source.doc, source.cadres[0] ?? cadre, ctx.today(), source.regions);
      return { fileName: handbook.fileName, contentBase64: (await buildWorkbook(handbookSheets(handbook))).toString('base64') };
    },

    'handbook:exportAll': async (request) => {
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
      return jobs.start('handbooks', request.combined ? '生成包保干部工作手册合订本' : '批量导出包保干部工作手册', folder, (job) =>
        request.combined ? writeCombined(job, doc, cadres, regions, folder) : writeEach(job, doc, cadres, regions, folder),
      );
    },

    'handbook:import': async ({ fileName, contentBase64 }) => {
      const sheets = await readSheetsOffThread(fileName, Buffer.from(contentBase64, 'base64'));
      const doc = ctx.doc();
      const plan = readReturnedRecords(sheets, doc.visits, ctx.today(), doc.profile.closedYears);
      if ('error' in plan) throw new ApiError('invalid-argument', plan.error);
      if (plan.records.length > 0) {
        await ctx.backup('import');
        await ctx.store.update((doc) => {
          const byId = new Map(doc.visits.map((v) => [v.id, v]));
          for (const r of plan.records) {
            const visit = byId.get(r.visitId);
            if (!visit) continue;
            visit.doneDate = r.doneDate;
            if (r.result) visit.checklist = [{ item: '督导检查要点综合检查', result: r.result }];
            // A problem read again keeps how far it got (整改, 复核 …): the sheet only says what was found.
            const kept = visit.problems[0];
            visit.problems = r.problem ? [{ steps: [], ...kept, id: kept?.id ?? ctx.newId('Q'), ...r.problem }] : [];
          }
          ctx.log(doc, 'handbook:import', `录入交回的督导记录表“${fileName}”：${plan.records.length} 次督导`, undefined, {
            visitIds: plan.records.map((r) => r.visitId),
          });
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

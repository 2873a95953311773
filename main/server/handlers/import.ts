import type { ApiHandlers, ImportPreview, ImportProgress } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import type { Entity } from '@shared/domain/schemas';
import { RECORD_DEFINITIONS } from '@shared/records';
import type { Cell } from '@shared/records/cell';
import { normalizeHeader } from '@shared/records/header';
import { planImport, type ImportPlan } from '@shared/records/import-plan';
import { RECORD_KIND_LABELS, type RecordContext, type RecordKind } from '@shared/records/types';
import { yieldToEventLoop } from '../jobs';
import { buildDownloadWorkbook } from '../workers/workbook-pool';
import { readSheetsArriving, type SheetsFromWorker } from '../workers/off-thread';
import type { HandlerContext } from './context';
import { recordEntityChanges } from './entity-changes';

interface PendingImport {
  readonly plan: ImportPlan<unknown>;
  readonly ctx: RecordContext;
  readonly fileName: string;
  /** The column names the user chose for this preview (normalised header → field key). */
  readonly mapping: Readonly<Record<string, string>>;
  /** The data version the plan was made against: a commit over a newer version is refused. */
  readonly version: number;
}

/** A preview being made: how far it has got, and whether the user asked to stop it. */
interface PreviewInMaking {
  progress: ImportProgress;
  stopRequested: boolean;
}

/** Previews waiting for commit or cancel; a few at most (one per open import screen). */
const MAX_PENDING = 4;
/**
 * Plans made for one preview when the library keeps changing while the rows are checked: each
 * change makes the plan start again against the new data, and after this many the preview gives up.
 */
const MAX_PLANS = 3;

type ImportMethods = 'import:preview' | 'import:progress' | 'import:commit' | 'import:cancel' | 'import:errorReport' | 'import:saveMapping';

/** 导入: a file's preview (read off the main thread, checked row by row), then its commit. */
export function importHandlers(ctx: HandlerContext): Pick<ApiHandlers, ImportMethods> {
  const pending = new Map<string, PendingImport>();
  const inMaking = new Map<string, PreviewInMaking>();

  const take = (previewId: string): PendingImport => {
    const found = pending.get(previewId);
    if (!found) throw new ApiError('not-found', '这次导入预览已失效（可能已提交或取消），请重新选择文件预览');
    return found;
  };
  /** A column mapping, saved in the library with the import, names a field of the kind ('' = ignore the column). */
  const checkMapping = (kind: RecordKind, mapping: Readonly<Record<string, string>>): void => {
    const fields = new Set(RECORD_DEFINITIONS[kind].columns.filter((c) => c.importable).map((c) => c.key));
    const unknown = Object.values(mapping).filter((key) => key !== '' && !fields.has(key));
    if (unknown.length > 0) throw new ApiError('invalid-argument', `列对应中没有这些字段：${unknown.join('、')}，请在“列对应”中重新选择`);
  };

  return {
    'import:preview': async ({ kind, fileName, contentBase64, mapping, previewId: chosenId, blankCells = 'keep' }) => {
      checkMapping(kind, mapping);
      const previewId = chosenId ?? ctx.newId('P');
      if (inMaking.has(previewId) || pending.has(previewId)) throw new ApiError('conflict', '这个预览编号已在使用，请重新选择文件预览');
      const making: PreviewInMaking = { progress: { stage: 'reading', done: 0, total: 0 }, stopRequested: false };
      inMaking.set(previewId, making);
      const stopIfAsked = (): void => {
        if (making.stopRequested) throw new ApiError('conflict', '已取消这次预览，数据未改动。需要导入时请重新选择文件');
      };
      let sheets: SheetsFromWorker | null = null;
      try {
        // Rows are checked as the worker thread reads them: most of the checking is done by the time
        // the last row is read.
        sheets = await readSheetsArriving(fileName, Buffer.from(contentBase64, 'base64'));
        const chosen = Object.fromEntries(Object.entries(mapping).map(([h, k]) => [normalizeHeader(h), k]));
        const def = RECORD_DEFINITIONS[kind];
        // Checking pauses between slices of rows, so another request may change the library
        // meanwhile: such a plan may mix old and new data, so it is made again from the start.
        for (let attempt = 1; ; attempt++) {
          if (attempt > 1) making.progress = { ...making.progress, done: 0 };
          const version = ctx.store.version;
          const recordCtx = ctx.recordContext();
          const saved = recordCtx.doc.profile.importMappings[kind] ?? {};
          const result = await planImport(
            def,
            sheets,
            recordCtx,
            { ...saved, ...chosen },
            async (done, total) => {
              making.progress = { stage: 'checking', done, total };
              await yieldToEventLoop();
              stopIfAsked();
            },
            { clearBlanks: blankCells === 'clear' },
          );
          if (!result.ok) throw new ApiError('invalid-argument', result.message);
          if (ctx.store.version !== version) {
            if (attempt < MAX_PLANS) continue;
            throw new ApiError('conflict', '核对期间数据一直在被修改，请等其他修改完成后重新预览');
          }
          pending.set(previewId, { plan: result.plan, ctx: recordCtx, fileName, mapping: chosen, version });
          while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value as string);
          const { plan } = result;
          const preview: ImportPreview = {
            previewId,
            kind,
            fileName,
            sheetName: plan.sheetName,
            headerRow: plan.headerRow,
            columns: plan.columns,
            fields: def.columns
              .filter((c) => c.importable)
              .map((c) => ({ key: c.key, label: c.label, required: def.requiredKeys.includes(c.key) })),
            counts: plan.counts,
            rows: plan.rows,
            sheets: plan.sheets,
            skippedSheets: plan.skippedSheets,
            ignored: plan.ignored,
            missing: plan.missing,
            blankCells,
            problem: plan.problem ?? null,
          };
          return preview;
        }
      } finally {
        // A preview stopped, or refused before its last row, needs no more of the file.
        sheets?.stop();
        inMaking.delete(previewId);
      }
    },

    'import:progress': async ({ previewId }) => inMaking.get(previewId)?.progress ?? null,

    'import:commit': async ({ previewId, saveMapping }) => {
      const { plan, ctx: recordCtx, fileName, mapping, version } = take(previewId);
      if (plan.problem) throw new ApiError('invalid-argument', plan.problem);
      if (ctx.store.version !== version) {
        pending.delete(previewId);
        throw new ApiError('conflict', '预览之后数据已被修改，为避免覆盖，本次未导入。请重新预览后再提交');
      }
      const { counts } = plan;
      const result = {
        added: counts.add,
        updated: counts.update,
        unchanged: counts.unchanged,
        rejected: counts.reject,
        skipped: counts.skipped,
      };
      // Nothing to add or change: the library, its backups and its log stay exactly as they were.
      if (counts.add + counts.update === 0 && !saveMapping) {
        pending.delete(previewId);
        return result;
      }
      await ctx.backup('import');
      await ctx.store.update((doc) => {
        // The first list builds the library: its 主体 did not open today (docs/domain.md#导入的规则).
        const buildsLibrary = doc.entities.length === 0;
        RECORD_DEFINITIONS[plan.kind].apply(doc, plan.changes, recordCtx);
        // A 主体 whose status or grade the list changes, or a new 在营 one (开业), starts its report and 包保 deadlines as a save does.
        if (plan.kind === 'entities') {
          const saves = plan.changes as { existing: Entity | undefined; record: Entity }[];
          recordEntityChanges(
            ctx,
            doc,
            saves.filter((c) => c.existing !== undefined || !buildsLibrary).map((c) => ({ before: c.existing, after: c.record })),
          );
        }
        if (saveMapping) doc.profile.importMappings[plan.kind] = { ...doc.profile.importMappings[plan.kind], ...mapping };
        // The records themselves are in the backup made just before; the log names which ones changed.
        const idsOf = (added: boolean) =>
          plan.changes.filter((c) => (c.existing === undefined) === added).map((c) => (c.record as { id: string }).id);
        ctx.log(
          doc,
          'import:commit',
          `导入${RECORD_KIND_LABELS[plan.kind]}“${fileName}”：新增 ${counts.add}，更新 ${counts.update}，未变 ${counts.unchanged}，拒绝 ${counts.reject}`,
          undefined,
          { added: idsOf(true), updated: idsOf(false), ...(saveMapping ? { mapping } : {}) },
        );
      });
      pending.delete(previewId);
      return result;
    },

    'import:cancel': async ({ previewId }) => {
      const making = inMaking.get(previewId);
      // Stopped at its next pause; the preview call then ends with an error and nothing is kept.
      if (making) making.stopRequested = true;
      pending.delete(previewId);
      return { previewId };
    },

    'import:errorReport': async ({ previewId }) => {
      const { plan, fileName } = take(previewId);
      const rejected = plan.rows.filter((r) => r.outcome === 'reject');
      const base = fileName.replace(/\.[^.]+$/, '');
      // One sheet per sheet read, each with its own columns (the sheets of a workbook may differ).
      const bySheet = plan.sheets.map((sheet) => ({ sheet, rejectedHere: rejected.filter((r) => r.sheet === sheet.name) }));
      const withRejected = bySheet.filter(({ rejectedHere }) => rejectedHere.length > 0);
      const sheets = (withRejected.length > 0 ? withRejected : bySheet.slice(0, 1)).map(({ sheet, rejectedHere }) => ({
        sheetName: plan.sheets.length > 1 ? `未导入-${sheet.name}`.slice(0, 31) : '未导入的行',
        title: `${base}${plan.sheets.length > 1 ? `（${sheet.name}）` : ''} 未导入的行（共 ${rejectedHere.length} 行）`,
        subtitle: '按“原因”修改后，可把本表另存后重新导入（“行号”“原因”两列会被忽略）',
        columns: [
          { label: '行号', width: 6, format: 'number' as const },
          { label: '原因', width: 40, format: 'text' as const },
          ...sheet.header.map((label) => ({
            label: label || '（无列名）',
            width: Math.min(Math.max(label.length * 2 + 2, 10), 30),
            format: 'text' as const,
          })),
        ],
        rows: rejectedHere.map((r): Cell[] => {
          const original = plan.rejectedCells.get(r) ?? [];
          return [r.row, r.reasons.join('；'), ...sheet.header.map((_, i) => original[i] ?? null)];
        }),
      }));
      const workbook = await buildDownloadWorkbook(sheets);
      return { fileName: `${base}-未导入的行.xlsx`, contentBase64: workbook.toString('base64') };
    },

    'import:saveMapping': async ({ kind, mapping }) => {
      checkMapping(kind, mapping);
      return ctx.store.update((doc) => {
        const normalized = Object.fromEntries(Object.entries(mapping).map(([header, key]) => [normalizeHeader(header), key]));
        doc.profile.importMappings[kind] = { ...doc.profile.importMappings[kind], ...normalized };
        ctx.log(doc, 'import:saveMapping', `保存${RECORD_KIND_LABELS[kind]}导入的列对应（${Object.keys(normalized).length} 列）`);
        return { saved: Object.keys(normalized).length };
      });
    },
  };
}

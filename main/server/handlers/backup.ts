import type { ApiHandlers, RestorePreview } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { findIntegrityProblems } from '@shared/rules/integrity';
import type { DataDoc } from '@shared/storage/types';
import { parseLibrary } from '../storage/backups';
import type { HandlerContext } from './context';
import { appHandlers } from './app';

type BackupMethods = 'backup:list' | 'backup:create' | 'backup:download' | 'backup:preview' | 'backup:restore';
type Source = Parameters<ApiHandlers['backup:restore']>[0];

type Kind = RestorePreview['collections'][number];

/** One kind of record: its key and its records in a library. */
interface KindSpec {
  readonly label: string;
  readonly records: (doc: DataDoc) => readonly unknown[];
  readonly key: (record: never) => string;
}

const byId = (record: { readonly id: string }) => record.id;
/** The 设置 and the 作战图's own dates are one record each: there is nothing or one to compare. */
const single = () => 'single';

// Every kind a restore replaces, in the order the 备份与恢复 preview lists them.
const KINDS: readonly KindSpec[] = [
  { label: '行政区划', records: (d) => d.regions, key: byId },
  { label: '包保主体', records: (d) => d.entities, key: byId },
  { label: '包保干部', records: (d) => d.cadres, key: byId },
  { label: '网格监管人员', records: (d) => d.regulators, key: byId },
  { label: '包保关系（含历史）', records: (d) => d.assignments, key: byId },
  { label: '督导记录（含计划）', records: (d) => d.visits.map(({ problems: _problems, ...visit }) => visit), key: byId },
  { label: '督导发现的问题', records: (d) => d.visits.flatMap((v) => v.problems), key: byId },
  { label: '干部督查记录', records: (d) => d.inspections, key: byId },
  { label: '主体变动记录', records: (d) => d.entityChanges, key: byId },
  { label: '作战图排期', records: (d) => (d.battleMap ? [{ ...d.battleMap, tasks: undefined, dispatches: undefined }] : []), key: single },
  { label: '作战图任务', records: (d) => d.battleMap?.tasks ?? [], key: byId },
  { label: '周调度记录', records: (d) => d.battleMap?.dispatches ?? [], key: (record: { readonly date: string }) => record.date },
  { label: '设置（含节假日）', records: (d) => [{ profile: d.profile, calendar: d.calendar }], key: single },
];

/** What restoring `backup` over `current` does to one kind: records it brings back, changes and drops. */
function compareKind(spec: KindSpec, current: DataDoc | null, backup: DataDoc): Kind {
  const key = spec.key as (record: unknown) => string;
  const now = new Map((current ? spec.records(current) : []).map((r) => [key(r), JSON.stringify(r)]));
  const then = spec.records(backup);
  let added = 0;
  let changed = 0;
  for (const record of then) {
    const before = now.get(key(record));
    if (before === undefined) added++;
    else if (before !== JSON.stringify(record)) changed++;
  }
  const kept = then.length - added;
  return { label: spec.label, current: now.size, backup: then.length, added, changed, dropped: now.size - kept };
}

/** Every kind, and the 操作日志, which a restore keeps (it only records the restore). */
function restorePreviewKinds(current: DataDoc | null, backup: DataDoc): Kind[] {
  const log = {
    label: '操作日志',
    current: current?.log.length ?? 0,
    backup: backup.log.length,
    added: 0,
    changed: 0,
    dropped: 0,
    kept: true,
  };
  return [...KINDS.map((spec) => compareKind(spec, current, backup)), log];
}

export function backupHandlers(ctx: HandlerContext): Pick<ApiHandlers, BackupMethods> {
  const backups = () => {
    const found = ctx.deps.backups;
    if (!found) throw new ApiError('internal', '此运行方式不保存备份');
    return found;
  };
  const read = async (source: Source): Promise<{ doc: DataDoc; name: string; what: string }> => {
    if (source.fileName) return { doc: await backups().read(source.fileName), name: source.fileName, what: `备份“${source.fileName}”` };
    const upload = source.upload;
    if (!upload) throw new ApiError('invalid-argument', '请选择一个备份');
    const text = Buffer.from(upload.contentBase64, 'base64').toString('utf8');
    const what = `文件“${upload.fileName}”`;
    return { doc: parseLibrary(text, what), name: upload.fileName, what };
  };
  /** A backup that passes the schema but contradicts itself (a hand edit) is refused before anything is written. */
  const load = async (source: Source): Promise<{ doc: DataDoc; name: string }> => {
    const { doc, name, what } = await read(source);
    const problems = findIntegrityProblems(doc);
    if (problems.length > 0) {
      throw new ApiError('invalid-argument', `${what}中的数据前后矛盾，不能恢复，当前数据未改动：${problems.join('；')}。请选用另一个备份`);
    }
    return { doc, name };
  };
  return {
    'backup:list': async () => backups().list(),

    'backup:create': async () => {
      const doc = ctx.doc();
      const info = await backups().create(doc, 'manual', doc.profile.backupKeep, ctx.deps.now());
      await ctx.store.update((d) => ctx.log(d, 'backup:create', `手动备份：${info.fileName}`));
      return info;
    },

    'backup:download': async ({ fileName }) => {
      const doc = await backups().read(fileName);
      // One file holding the whole library, whether the backup is a folder of its files or (made before version 4) one file.
      const name = fileName.endsWith('.json') ? fileName : `${fileName}.json`;
      return { fileName: `食安包保工作台-${name}`, contentBase64: Buffer.from(JSON.stringify(doc)).toString('base64') };
    },

    'backup:preview': async (source) => {
      const { doc, name } = await load(source);
      const current = ctx.store.read();
      const preview: RestorePreview = {
        source: name,
        createdAt: doc.createdAt,
        collections: restorePreviewKinds(current, doc),
      };
      return preview;
    },

    'backup:restore': async (source) => {
      const { doc, name } = await load(source);
      await ctx.backup('restore');
      // The 操作日志 goes on: what happened since the backup stays recorded, then the restore itself.
      const current = ctx.store.read();
      if (current) doc.log = current.log;
      ctx.log(doc, 'backup:restore', `从备份“${name}”恢复数据`);
      await ctx.store.replace(doc);
      return appHandlers(ctx)['app:info']({});
    },
  };
}

import type { ApiHandlers, RestorePreview } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { findIntegrityProblems } from '@shared/rules/integrity';
import type { DataDoc } from '@shared/storage/types';
import { parseLibrary } from '../storage/backups';
import type { HandlerContext } from './context';
import { appHandlers } from './app';

type BackupMethods = 'backup:list' | 'backup:create' | 'backup:download' | 'backup:preview' | 'backup:restore';
type Source = Parameters<ApiHandlers['backup:restore']>[0];

const COLLECTIONS: readonly [keyof DataDoc, string][] = [
  ['regions', '行政区划'],
  ['entities', '包保主体'],
  ['cadres', '包保干部'],
  ['regulators', '网格监管人员'],
  ['assignments', '包保关系（含历史）'],
  ['log', '操作日志'],
];

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
  const count = (doc: DataDoc | null, key: keyof DataDoc): number => {
    const value = doc?.[key];
    return Array.isArray(value) ? value.length : 0;
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
      return { fileName: `食安包保工作台-${fileName}`, contentBase64: Buffer.from(JSON.stringify(doc)).toString('base64') };
    },

    'backup:preview': async (source) => {
      const { doc, name } = await load(source);
      const current = ctx.store.read();
      const preview: RestorePreview = {
        source: name,
        createdAt: doc.createdAt,
        collections: COLLECTIONS.map(([key, label]) => ({ label, current: count(current, key), backup: count(doc, key) })),
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

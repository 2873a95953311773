import type { ApiHandlers, AppInfo } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { generateDemo } from '@shared/demo/generate';
import { emptyDoc, type DataDoc } from '@shared/storage/types';
import { exportDirOf } from '../paths';
import type { HandlerContext } from './context';

export function appHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'app:info' | 'app:createBlank' | 'app:loadDemo'> {
  const info = async (): Promise<AppInfo> => {
    const doc = ctx.store.read();
    const recovery =
      ctx.deps.recovery && !doc
        ? { message: ctx.deps.recovery.message, newestBackup: (await ctx.deps.backups?.newestGood()) ?? null }
        : null;
    return {
      dataDir: ctx.store.dataDir,
      exportDir: exportDirOf(ctx.store.dataDir),
      recovery,
      startWarning: ctx.deps.startWarning ?? '',
      initialized: doc !== null,
      orgName: doc?.profile.orgName ?? '',
      planYear: doc?.profile.planYear ?? 0,
      counts: {
        regions: doc?.regions.length ?? 0,
        entities: doc?.entities.length ?? 0,
        cadres: doc?.cadres.length ?? 0,
        regulators: doc?.regulators.length ?? 0,
      },
    };
  };

  /** First run only: an existing library is never replaced from here. */
  const start = async (doc: DataDoc): Promise<AppInfo> => {
    if (ctx.store.read() !== null) {
      throw new ApiError('conflict', `数据文件夹 ${ctx.store.dataDir} 中已有数据库，未做任何更改。如需重新开始，请换一个空的数据文件夹`);
    }
    await ctx.store.replace(doc);
    return info();
  };

  return {
    'app:info': info,
    'app:createBlank': async ({ orgName }) => {
      const doc = emptyDoc(ctx.deps.now());
      // Unnamed unless told: the profile's default (the demo city's bureau) would head every title and report.
      doc.profile.orgName = orgName ?? '';
      ctx.log(doc, 'app:createBlank', orgName ? `新建空白库（${orgName}）` : '新建空白库');
      return start(doc);
    },
    // The generator writes its own 操作日志 entry with the counts.
    'app:loadDemo': async ({ scale, seed }) => start(generateDemo(scale, seed, ctx.deps.now())),
  };
}

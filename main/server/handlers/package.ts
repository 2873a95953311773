import type { ApiHandlers, ApiParsed } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { packageTime, type DownPreview, type PackagePreview } from '@shared/packages/api';
import { PACKAGE_KIND_LABELS, PACKAGE_KINDS } from '@shared/packages/content';
import { applyDownPackage, ownAreaOf, planDownPackage, type DownPlan } from '@shared/packages/down';
import {
  applyPackage,
  areaReports,
  conflictsBetween,
  planPackage,
  type PackageConflict,
  type PackageFile,
  type PackagePlan,
} from '@shared/packages/slice';
import type { DataDoc } from '@shared/storage/types';
import { buildPackage } from '../packages/build';
import { buildDownPackage } from '../packages/build-down';
import { readDownPackageFile, readPackageFile } from '../packages/file';
import { notFound, type HandlerContext } from './context';

type PackageMethods =
  | 'package:export'
  | 'package:preview'
  | 'package:import'
  | 'package:received'
  | 'package:exportDown'
  | 'package:previewDown'
  | 'package:importDown';

/**
 * 上报包 and 下发包 (docs/domain.md#上报包与下发包): an area's package made here and a consolidating
 * library taking its areas' packages in; the office's settings sent down and a 旗区 taking them in.
 */
export function packageHandlers(ctx: HandlerContext): Pick<ApiHandlers, PackageMethods> {
  /** The area a package is made for when none is named: the library's own 旗区 (or city). */
  const ownArea = (): string => {
    const area = ownAreaOf(ctx.lists().regions, ctx.doc().profile.orgLevel);
    if (!area)
      throw new ApiError('invalid-argument', '本库有多个顶级区划（或还没有区划），请选择要上报的区域（命令行用 --region 区划代码）');
    return area.id;
  };

  /** One file after the other: a file's bytes, text and parsed JSON are let go before the next is read (docs/performance.md#consolidate). */
  const readFiles = async (files: ApiParsed<'package:import'>['files']): Promise<PackageFile[]> => {
    const read: PackageFile[] = [];
    for (const f of files) read.push(await readPackageFile(Buffer.from(f.contentBase64, 'base64'), f.fileName));
    return read;
  };

  /**
   * Each package checked against the library as it is and against the others taken in with it. One
   * plan at a time, kept only for its preview: a province's five plans held together added ~80 MB
   * to the import's peak (docs/performance.md).
   */
  const previewAll = (doc: DataDoc, files: readonly PackageFile[], force: boolean): PackagePreview[] => {
    const between = conflictsBetween(files);
    return files.map((file, i) => {
      const plan = planPackage(doc, file, (prefix) => ctx.newId(prefix));
      return previewOf(plan, [...plan.conflicts, ...(between[i] ?? [])], force);
    });
  };

  const refusal = (previews: readonly PackagePreview[]): ApiError | null => {
    const blocked = previews.filter((p) => p.conflicts.length > 0);
    if (blocked.length === 0) return null;
    const first = blocked[0]?.conflicts[0] ?? '';
    const more = blocked.reduce((sum, p) => sum + p.conflicts.length, 0) - 1;
    return new ApiError('conflict', `上报包未导入，数据未改动：${first}${more > 0 ? `（另有 ${more} 处冲突，见预览）` : ''}`);
  };

  return {
    'package:export': async ({ regionId, year }) => {
      const areaId = regionId || ownArea();
      const area = ctx.lists().regions.get(areaId);
      if (!area) throw notFound('区划');
      const doc = ctx.doc();
      const period = year ?? doc.profile.planYear;
      const built = await buildPackage(ctx.recordContext(), areaId, period, ctx.deps.now().toISOString());
      return {
        fileName: `上报包-${area.name}-${period}年度-${ctx.today()}.xlsx`,
        contentBase64: built.bytes.toString('base64'),
        region: { code: area.code, name: area.name },
        year: period,
        sha256: built.sha256,
      };
    },

    'package:preview': async ({ files, force }) => previewAll(ctx.doc(), await readFiles(files), force),

    'package:import': async ({ files, force }) => {
      const read = await readFiles(files);
      const version = ctx.store.version;
      const first = previewAll(ctx.doc(), read, force);
      const refused = refusal(first);
      if (refused) throw refused;
      // The same packages again: nothing to write, not even a backup.
      if (!first.some((p) => p.changes)) return { packages: first, changed: false };
      await ctx.backup('import');
      const receivedAt = ctx.deps.now().toISOString();
      const packages = await ctx.store.update(
        (doc) => {
          // The library may have changed since the first look (the backup is awaited): then checked again.
          if (ctx.store.version === version) return first;
          const again = previewAll(doc as DataDoc, read, force);
          const stillRefused = refusal(again);
          if (stillRefused) throw stillRefused;
          return again;
        },
        (doc, previews) => {
          // One after the other, each against the library as the previous one left it (ancestors added once);
          // each let go once taken in, its records being copied into the library (docs/performance.md).
          for (let file = read.shift(); file; file = read.shift()) {
            const plan = planPackage(doc, file, (prefix) => ctx.newId(prefix));
            if (!plan.changes) continue;
            const receipt = applyPackage(doc, plan, receivedAt);
            ctx.log(
              doc,
              'package:import',
              `汇总上报包：${receipt.regionName}（${receipt.year}年度，${receipt.unit} ${receipt.operator} ${packageTime(receipt.createdAt)} 生成，${receipt.fileName}）：${countsText(plan)}`,
            );
          }
          return previews;
        },
      );
      return { packages, changed: true };
    },

    'package:received': async ({ year, due }) => {
      const doc = ctx.doc();
      const period = year ?? doc.profile.planYear;
      const received = [...doc.receivedPackages].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      return { year: period, due, areas: areaReports(doc, period, due), received };
    },

    'package:exportDown': async () => {
      const area = ownAreaOf(ctx.lists().regions, ctx.doc().profile.orgLevel);
      if (!area)
        throw new ApiError(
          'invalid-argument',
          '本库有多个顶级区划（或还没有区划），不能确定本单位的辖区，无法生成下发包：请先整理行政区划',
        );
      const built = await buildDownPackage(ctx.recordContext(), area.id, ctx.deps.now().toISOString());
      return {
        fileName: `下发包-${area.name}-${ctx.today()}.xlsx`,
        contentBase64: built.bytes.toString('base64'),
        region: { code: area.code, name: area.name },
        year: built.content.manifest.year,
        sha256: built.sha256,
      };
    },

    'package:previewDown': async ({ file }) => {
      const read = await readDownPackageFile(Buffer.from(file.contentBase64, 'base64'), file.fileName);
      return downPreviewOf(planDownPackage(ctx.doc(), read, (prefix) => ctx.newId(prefix)));
    },

    'package:importDown': async ({ file, choices, takeUpper }) => {
      const read = await readDownPackageFile(Buffer.from(file.contentBase64, 'base64'), file.fileName);
      const plan = (doc: DataDoc): DownPlan => {
        const planned = planDownPackage(doc, read, (prefix) => ctx.newId(prefix));
        if (planned.refusal) throw new ApiError('conflict', `下发包未接收，数据未改动：${planned.refusal}`);
        return planned;
      };
      const first = plan(ctx.doc());
      // The same 下发包 again (or one that changes nothing here): nothing to write, not even a backup.
      if (!first.changes) return { preview: downPreviewOf(first), changed: false, taken: 0, kept: first.items.length };
      await ctx.backup('import');
      const receivedAt = ctx.deps.now().toISOString();
      return ctx.store.update(
        // Planned again: the library may have changed while the backup was written.
        (doc) => plan(doc as DataDoc),
        (doc, planned) => {
          const chosen = takeUpper
            ? Object.fromEntries(
                planned.items.filter((i) => i.action === 'conflict').map((i) => [i.key, choices[i.key] ?? ('upper' as const)]),
              )
            : choices;
          const { taken, kept } = applyDownPackage(doc, planned, chosen, receivedAt);
          const preview = downPreviewOf(planned);
          const conflicts = planned.items.filter((i) => i.action === 'conflict');
          const upper = conflicts.filter((i) => chosen[i.key] === 'upper').length;
          const { manifest } = read.content;
          ctx.log(
            doc,
            'package:importDown',
            `接收下发包：${manifest.unit}（${manifest.operator} ${packageTime(manifest.createdAt)} 生成，${read.fileName}）：采用上级 ${taken} 项，保留本地 ${kept} 项` +
              `${conflicts.length > 0 ? `（其中双方都改过 ${conflicts.length} 项：采用上级 ${upper}、保留本地 ${conflicts.length - upper}）` : ''}` +
              `；区划新增 ${preview.regions.added.length}、更名 ${preview.regions.renamed.length}、删除 ${preview.regions.removed.length}、仍有记录未删 ${preview.regions.kept.length}`,
            undefined,
            { items: planned.items.map((i) => ({ label: i.label, action: i.action, chosen: chosen[i.key] ?? '' })) },
          );
          return { preview, changed: true, taken, kept };
        },
      );
    },
  };
}

function downPreviewOf(plan: DownPlan): DownPreview {
  const { manifest } = plan.file.content;
  const name = (r: { readonly name: string; readonly code: string }): string => `${r.name}${r.code ? `（${r.code}）` : ''}`;
  return {
    fileName: plan.file.fileName,
    region: { code: manifest.region.code, name: manifest.region.name },
    unit: manifest.unit,
    operator: manifest.operator,
    createdAt: manifest.createdAt,
    status: plan.status,
    held: plan.held ? { createdAt: plan.held.createdAt, receivedAt: plan.held.receivedAt } : null,
    refusal: plan.refusal,
    items: plan.items,
    regions: {
      added: plan.regions.added.map(name),
      renamed: plan.regions.renamed.map((r) => `${name(r.region)} 更名为“${r.name}”`),
      removed: plan.regions.removed.map(name),
      kept: plan.regions.kept.map((k) => `${name(k.region)}：上级已不再列出，但仍有 ${k.holds}，未删除，请核实后自行处理`),
    },
    changes: plan.changes,
  };
}

function previewOf(plan: PackagePlan, conflicts: readonly PackageConflict[], force: boolean): PackagePreview {
  const { manifest } = plan.content;
  const messages = conflicts.map((c) => c.message);
  if (plan.status === 'older' && !force && plan.held) {
    messages.unshift(
      `本库已汇总过“${manifest.region.name}”${packageTime(plan.held.createdAt)}生成的上报包，这个文件是${packageTime(manifest.createdAt)}生成的，更早：未导入。确要用旧包替换时请选“强制导入”（命令行加 --force）`,
    );
  }
  return {
    fileName: plan.fileName,
    region: { code: manifest.region.code, name: manifest.region.name },
    period: manifest.year,
    unit: manifest.unit,
    operator: manifest.operator,
    createdAt: manifest.createdAt,
    status: plan.status,
    held: plan.held ? { createdAt: plan.held.createdAt, receivedAt: plan.held.receivedAt } : null,
    kinds: PACKAGE_KINDS.map((kind) => ({
      kind,
      label: PACKAGE_KIND_LABELS[kind],
      ...plan.counts[kind],
      conflicts: conflicts.filter((c) => c.kind === kind).map((c) => c.message),
    })),
    conflicts: messages,
    changes: plan.changes,
  };
}

function countsText(plan: PackagePlan): string {
  return PACKAGE_KINDS.map((kind) => {
    const c = plan.counts[kind];
    return `${PACKAGE_KIND_LABELS[kind]} 新增 ${c.added}、更新 ${c.updated}、删除 ${c.removed}`;
  }).join('；');
}

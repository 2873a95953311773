import { randomUUID } from 'node:crypto';
import { ApiError } from '@shared/api/result';
import { RegionIndex } from '@shared/domain/regions';
import { ListIndex } from '@shared/query/lists';
import { RegionMatcher } from '@shared/records/region-match';
import { findIntegrityProblems } from '@shared/rules/integrity';
import type { RecordContext } from '@shared/records/types';
import { computeBreakdown, type Breakdown } from '@shared/stats/breakdown';
import { computeLoadBands, type LoadBands } from '@shared/stats/loads';
import { computeStats, type Stats } from '@shared/stats/stats';
import { computeWeekly, type WeeklyScope, type WeeklySeries } from '@shared/stats/weekly';
import { copyJson } from '@shared/storage/copy';
import { appendLog, untracked, type DataDoc, type Store } from '@shared/storage/types';
import type { BackupReason, Backups } from '../storage/backups';
import type { Recovery } from '../storage/lowdb-store';

export interface HandlerDeps {
  readonly store: Store;
  readonly now: () => Date;
  /** Absent where no backups are kept (e.g. in-memory tests of the shell). */
  readonly backups?: Backups;
  /** Set when the data file was damaged at start and moved aside. */
  readonly recovery?: Recovery | null;
  /** Why the backup made at start failed; '' or absent when it did not. */
  readonly startWarning?: string;
}

/** Shared by the handler groups: the document, derived indexes cached per data version, ids, log. */
export class HandlerContext {
  private cachedIndex: { version: number; index: ListIndex } | null = null;
  /** Figures per scope for the current data version: the dashboard asks again on every visit. */
  private readonly figures = new Map<string, unknown>();
  private figuresVersion = -1;

  constructor(readonly deps: HandlerDeps) {}

  get store(): Store {
    return this.deps.store;
  }

  /** The library, or a Chinese error telling the user how to create one. */
  doc(): DataDoc {
    const doc = this.deps.store.read();
    if (!doc) {
      throw new ApiError('not-initialized', this.deps.recovery?.message ?? '尚未建立数据库，请先选择“载入示例数据”或“新建空白库”');
    }
    return doc;
  }

  /** A verified backup before work that changes much at once (import, auto-assign, restore). */
  async backup(reason: BackupReason): Promise<void> {
    const doc = this.deps.store.read();
    if (doc && this.deps.backups) await this.deps.backups.create(doc, reason, doc.profile.backupKeep, this.deps.now());
  }

  lists(): ListIndex {
    const version = this.deps.store.version;
    if (this.cachedIndex?.version !== version) this.cachedIndex = { version, index: new ListIndex(this.doc()) };
    return this.cachedIndex.index;
  }

  /**
   * The region tree alone: the list index's when it is current, else its own per data version. A
   * reader that needs only region paths (the 督导 list after a change) does not build the 主体 and
   * 干部 search index for them.
   */
  regions(): RegionIndex {
    if (this.cachedIndex?.version === this.deps.store.version) return this.cachedIndex.index.regions;
    return this.memo('regions', () => new RegionIndex(this.doc().regions));
  }

  stats(regionId = '', year?: number): Stats {
    return this.memo(`stats|${regionId}|${year ?? ''}`, () =>
      computeStats(this.doc(), { regionId, ...(year === undefined ? {} : { year }) }),
    );
  }

  breakdown(regionId = ''): Breakdown {
    return this.memo(`breakdown|${regionId}`, () => computeBreakdown(this.doc(), regionId));
  }

  weekly(scope: WeeklyScope): WeeklySeries {
    // Today is part of the key: the today line and 本月 move at midnight without a data change.
    const today = this.today();
    return this.memo(`weekly|${scope.regionId}|${scope.from}|${scope.to}|${today}`, () => computeWeekly(this.doc(), scope, today));
  }

  loadBands(regionId = ''): readonly LoadBands[] {
    return this.memo(`loads|${regionId}`, () => computeLoadBands(this.doc(), regionId));
  }

  /** Ids used twice and records pointing at ones not there (~90 ms for a city library, so kept per version). */
  integrity(): readonly string[] {
    return this.memo('integrity', () => findIntegrityProblems(this.doc()));
  }

  /** Worked out once per data version, under `key` (what it is of): figures and lists screens ask for again and again. */
  memo<T>(key: string, compute: () => T): T {
    if (this.figuresVersion !== this.deps.store.version) {
      this.figures.clear();
      this.figuresVersion = this.deps.store.version;
    }
    if (!this.figures.has(key)) this.figures.set(key, compute());
    return this.figures.get(key) as T;
  }

  /** Lookups for one import or export over the current library. */
  recordContext(): RecordContext {
    const doc = this.doc();
    const regions = new RegionIndex(doc.regions);
    return { doc, regions, matcher: new RegionMatcher(regions, doc.regions), today: this.today(), newId: (prefix) => this.newId(prefix) };
  }

  newId(prefix: string): string {
    return `${prefix}-${randomUUID()}`;
  }

  today(): string {
    const d = this.deps.now();
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  /**
   * Appends an 操作日志 entry inside a mutation (docs/architecture.md#data-files: who, when, what, before/after). Before and
   * after are copied: handlers pass live records (a visit recorded, then rectified in place), and an
   * entry must keep saying what they were when it was made.
   */
  log(doc: DataDoc, action: string, summary: string, before?: unknown, after?: unknown): void {
    appendLog(doc, {
      at: this.deps.now().toISOString(),
      operator: untracked(doc).profile.operatorName,
      action,
      summary,
      before: copyJson(before),
      after: copyJson(after),
    });
  }
}

export function notFound(what: string): ApiError {
  return new ApiError('not-found', `找不到该${what}，可能已被删除，请刷新列表后重试`);
}

import type { Assignment, Cadre, Entity, Regulator } from '../../domain/schemas';
import { groupBy } from '../../util/collections';
import type { RecordContext } from '../types';

export interface Lookups {
  readonly regulatorById: ReadonlyMap<string, Regulator>;
  readonly regulatorsByName: ReadonlyMap<string, readonly Regulator[]>;
  readonly cadreById: ReadonlyMap<string, Cadre>;
  readonly entityById: ReadonlyMap<string, Entity>;
  /** The keys entity imports match on (see entityDefinition.target) → stored 主体. */
  readonly entityByKey: ReadonlyMap<string, Entity>;
  /** entity id → current cadre id */
  readonly currentCadre: ReadonlyMap<string, string>;
  /** entity id → its current assignment */
  readonly currentAssignment: ReadonlyMap<string, Assignment>;
}

const cache = new WeakMap<RecordContext, Lookups>();

/** Maps over the library, built once per import or export (a context lives for one operation). */
export function lookups(ctx: RecordContext): Lookups {
  let found = cache.get(ctx);
  if (!found) {
    const { doc } = ctx;
    const current = doc.assignments.filter((a) => a.end === '');
    found = {
      regulatorById: new Map(doc.regulators.map((r) => [r.id, r])),
      regulatorsByName: groupBy(doc.regulators, (r) => r.name),
      cadreById: new Map(doc.cadres.map((c) => [c.id, c])),
      entityById: new Map(doc.entities.map((e) => [e.id, e])),
      entityByKey: entityKeys(ctx),
      currentCadre: new Map(current.map((a) => [a.entityId, a.cadreId])),
      currentAssignment: new Map(current.map((a) => [a.entityId, a])),
    };
    cache.set(ctx, found);
  }
  return found;
}

function entityKeys(ctx: RecordContext): Map<string, Entity> {
  const keys = new Map<string, Entity>();
  for (const e of ctx.doc.entities) {
    if (e.uscc) keys.set(`统一社会信用代码 ${e.uscc}`, e);
    if (e.license) keys.set(`许可证编号 ${e.license}`, e);
    keys.set(`名称 ${e.name}（${ctx.regions.path(e.regionId)}）`, e);
  }
  return keys;
}

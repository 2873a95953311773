import type { ApiHandlers } from '@shared/api/contract';
import type { HandlerContext } from './context';

export function logHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'log:list' | 'log:names'> {
  return {
    'log:list': async ({ limit, text }) => {
      const log = ctx.doc().log;
      const matching = text ? log.filter((e) => e.summary.includes(text) || e.action.includes(text) || e.operator.includes(text)) : log;
      return matching.slice(-limit).reverse();
    },
    'log:names': async ({ ids }) => {
      const doc = ctx.doc();
      const { regions } = ctx.lists();
      const wanted = new Set(ids);
      const names: Record<string, string> = {};
      for (const r of doc.regions) if (wanted.has(r.id)) names[r.id] = regions.path(r.id) || r.name;
      for (const list of [doc.entities, doc.cadres, doc.regulators])
        for (const record of list) if (wanted.has(record.id)) names[record.id] = record.name;
      return names;
    },
  };
}

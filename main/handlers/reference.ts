import type { ApiHandlers } from '@shared/api/contract';
import { notFound, type HandlerContext } from './context';

export function referenceHandlers(
  ctx: HandlerContext,
): Pick<ApiHandlers, 'regions:list' | 'regulators:list' | 'stats:get' | 'stats:breakdown' | 'log:list'> {
  return {
    'regions:list': async () => ctx.doc().regions,
    'regulators:list': async () => ctx.doc().regulators,
    'stats:get': async ({ regionId }) => {
      if (regionId && !ctx.lists().regions.get(regionId)) throw notFound('区划');
      return ctx.stats(regionId);
    },
    'stats:breakdown': async ({ regionId }) => {
      if (regionId && !ctx.lists().regions.get(regionId)) throw notFound('区划');
      return ctx.breakdown(regionId);
    },
    'log:list': async ({ limit, text }) => {
      const log = ctx.doc().log;
      const matching = text ? log.filter((e) => e.summary.includes(text) || e.action.includes(text) || e.operator.includes(text)) : log;
      return matching.slice(-limit).reverse();
    },
  };
}

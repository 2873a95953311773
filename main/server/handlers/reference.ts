import type { ApiHandlers } from '@shared/api/contract';
import type { HandlerContext } from './context';

export function referenceHandlers(
  ctx: HandlerContext,
): Pick<ApiHandlers, 'log:list'> {
  return {
    'log:list': async ({ limit, text }) => {
      const log = ctx.doc().log;
      const matching = text ? log.filter((e) => e.summary.includes(text) || e.action.includes(text) || e.operator.includes(text)) : log;
      return matching.slice(-limit).reverse();
    },
  };
}

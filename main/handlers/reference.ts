import type { ApiHandlers } from '@shared/api/contract';
import type { HandlerContext } from './context';

export function referenceHandlers(
  ctx: HandlerContext,
): Pick<ApiHandlers, 'regions:list' | 'regulators:list' | 'stats:get' | 'log:list'> {
  return {
    'regions:list': async () => ctx.doc().regions,
    'regulators:list': async () => ctx.doc().regulators,
    'stats:get': async () => ctx.stats(),
    'log:list': async ({ limit }) => ctx.doc().log.slice(-limit).reverse(),
  };
}

import type { ApiHandlers } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { cadreQuarters } from '@shared/stats/cadre-quarters';
import { dayNumber } from '@shared/stats/weekly';
import { notFound, type HandlerContext } from './context';

/** Five years of weeks is already more than a chart can show. */
const MAX_RANGE_DAYS = 5 * 366;

/** 首页概览 and `stats`: the programme's figures for the library or one region and below, memoised per data version. */
export function statsHandlers(
  ctx: HandlerContext,
): Pick<ApiHandlers, 'stats:get' | 'stats:cadreQuarters' | 'stats:breakdown' | 'stats:weekly' | 'stats:loads'> {
  const checkRegion = (regionId: string): void => {
    if (regionId && !ctx.lists().regions.get(regionId)) throw notFound('区划');
  };
  return {
    'stats:get': async ({ regionId, year }) => {
      checkRegion(regionId);
      return ctx.stats(regionId, year);
    },
    'stats:cadreQuarters': async ({ regionId, level, year }) => {
      checkRegion(regionId);
      const doc = ctx.doc();
      const shown = year ?? doc.profile.planYear;
      return { year: shown, rows: cadreQuarters(doc, { year: shown, regionId, level }) };
    },
    'stats:breakdown': async ({ regionId }) => {
      checkRegion(regionId);
      return ctx.breakdown(regionId);
    },
    'stats:weekly': async ({ regionId = '', from = '', to = '' }) => {
      checkRegion(regionId);
      if (from && to && dayNumber(to) - dayNumber(from) > MAX_RANGE_DAYS) {
        throw new ApiError('invalid-argument', '日期范围不能超过 5 年，请缩短后再看', { to: '不能超过 5 年' });
      }
      return ctx.weekly({ regionId, from, to });
    },
    'stats:loads': async ({ regionId }) => {
      checkRegion(regionId);
      return ctx.loadBands(regionId);
    },
  };
}

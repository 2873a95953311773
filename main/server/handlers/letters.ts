import type { ApiHandlers } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { buildLetters, letterContactProblem } from '@shared/handbook/letter';
import { notFound, type HandlerContext } from './context';

/** Data for the print view of 致包保领导的一封信. */
export function letterHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'letters:get'> {
  return {
    'letters:get': async ({ cadreIds, regionId, level, year, limit, date = ctx.today(), template }) => {
      const stored = ctx.doc();
      // The 设置 preview shows the blanks; letters that go out must say whom to call.
      const contactProblem = template ? '' : letterContactProblem(stored.profile.letter);
      if (contactProblem) throw new ApiError('invalid-argument', contactProblem);
      const doc = template ? { ...stored, profile: { ...stored.profile, letter: template } } : stored;
      const { regions } = ctx.lists();
      if (regionId && !regions.get(regionId)) throw notFound('区划');
      const byId = new Map(doc.cadres.map((c) => [c.id, c]));
      const cadres =
        cadreIds.length > 0
          ? cadreIds.map((id) => byId.get(id) ?? missingCadre())
          : // A scope prints for the cadres at work: an inactive one is waiting for a successor.
            doc.cadres.filter((c) => c.active && (!level || c.level === level) && (!regionId || regions.contains(regionId, c.regionId)));
      const letters = buildLetters(doc, cadres.slice(0, limit ?? cadres.length), date, year, regions);
      return { letters, total: cadres.length, date };
    },
  };
}

function missingCadre(): never {
  throw notFound('干部');
}

import type { ApiHandlers } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import type { HandlerContext } from './context';
import { replacePlan } from './visits';

type YearMethods = 'year:open';

/** 年度切换: the next year becomes the plan year, planned, with the years before it closed. */
export function yearHandlers(ctx: HandlerContext): Pick<ApiHandlers, YearMethods> {
  return {
    'year:open': async ({ year }) => {
      const previousYear = ctx.doc().profile.planYear;
      if (year <= previousYear) {
        throw new ApiError(
          'invalid-argument',
          `年度切换只能开启比当前计划年度（${previousYear} 年）更晚的年度；要查看往年，请在首页或督导中选择年度`,
          { year: `应晚于 ${previousYear} 年` },
        );
      }
      const today = ctx.today();
      // A year already under way is planned from today: its past quarters are not back-filled as overdue.
      const from = year === Number(today.slice(0, 4)) ? today : '';
      await ctx.backup('plan');
      return ctx.store.update((doc) => {
        const before = doc.profile;
        // Every year before the new one that has 督导 records, and the plan year left behind.
        const years = new Set([...before.closedYears, previousYear]);
        for (const v of doc.visits)
          for (const date of [v.plannedDate, v.doneDate ?? ''])
            if (date && Number(date.slice(0, 4)) < year) years.add(Number(date.slice(0, 4)));
        const closedYears = [...years].sort((a, b) => a - b);
        doc.profile = { ...before, planYear: year, closedYears };
        const plan = replacePlan(ctx, doc, year, from);
        // 承诺书 are signed per year: the new year's are due from every 在岗 cadre.
        const commitmentsDue = doc.cadres.filter((c) => c.active && !c.commitments.some((k) => k.year === year)).length;
        ctx.log(
          doc,
          'year:open',
          `年度切换：开启 ${year} 年度，${closedYears.join('、')} 年度只读；计划督导 ${plan.planned} 次，待签承诺书 ${commitmentsDue} 名干部`,
          { planYear: before.planYear, closedYears: before.closedYears },
          { planYear: year, closedYears },
        );
        return { year, previousYear, closedYears, plan, from, commitmentsDue };
      });
    },
  };
}

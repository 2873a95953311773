import type { ApiHandlers } from '@shared/api/contract';
import { calendarNotes } from './calendar';
import type { HandlerContext } from './context';

/** 设置: the office's profile, with the calendar and its notes for the settings screen. */
export function profileHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'profile:get' | 'profile:save'> {
  return {
    'profile:get': async () => {
      const doc = ctx.doc();
      return { profile: doc.profile, calendar: doc.calendar, calendarNotes: calendarNotes(doc) };
    },

    'profile:save': async (input) =>
      ctx.store.update((doc) => {
        const before = doc.profile;
        doc.profile = { ...before, ...input };
        ctx.log(doc, 'profile:save', '修改设置', before, doc.profile);
        return doc.profile;
      }),
  };
}

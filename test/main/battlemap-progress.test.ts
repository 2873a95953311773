import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

describe('周调度 progress', () => {
  it('refuses progress outside 0–100 or not whole with a Chinese message, and records nothing', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2025-09-01T08:00:00Z') });
    await store.replace(smallDoc());
    const view = await handlers['battlemap:create']({
      planStart: '2025-09-01',
      finalDeadline: '2026-03-31',
      mode: 'backward',
      dispatchWeekday: 5,
    });
    const taskId = view.map?.tasks[0]?.id ?? '';
    for (const progress of [150, 101, -1, 50.5]) {
      const result = await dispatch(handlers, 'battlemap:dispatch', { date: '2025-09-05', entries: [{ taskId, progress, note: '' }] });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringContaining('进度应为 0 到 100 的整数') },
      });
    }
    expect(store.read()?.battleMap?.dispatches).toEqual([]);
    expect(store.read()?.battleMap?.tasks[0]?.status).toBe('未开始');
  });
});

import { describe, expect, it } from 'vitest';
import { DUTY_KEYS } from '@shared/stats/tally';
import { generateDemo } from '@shared/demo/generate';
import { unwrap } from '@shared/api/result';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/**
 * Every figure of 首页概览 opens a list with as many rows as the figure: the 企业主体责任 ratios
 * (those not yet done), 大型企业 and 承诺书未签, for the whole library and a 旗区.
 */
describe('首页概览 drill-downs', () => {
  it('list exactly the 主体 and cadres each figure counts', async () => {
    const dir = await newDir();
    const { handlers, store } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
    const doc = generateDemo('district', 7, new Date('2027-03-15T09:00:00Z'));
    // A 注销 企业 lacking every duty: left out of the ratios, so of the drill-downs too.
    const closed = doc.entities.find((e) => e.type === '企业' && e.duties.commitment !== '');
    if (!closed) throw new Error('示例数据中没有企业');
    closed.status = '注销';
    closed.duties = { dailyWeeklyMonthly: '', riskList: '', riskSystem: '', commitment: '' };
    await store.replace(doc);
    // Through dispatch, as the page asks: the query's defaults filled in and checked.
    const entities = async (query: object) =>
      unwrap(await dispatch(handlers, 'entities:query', query)) as { total: number; rows: { id: string }[] };
    const cadres = async (query: object) =>
      unwrap(await dispatch(handlers, 'cadres:query', query)) as { total: number; rows: { active: boolean }[] };
    const county = doc.regions.find((r) => r.level === 'county');
    if (!county) throw new Error('示例数据中没有旗区');

    for (const regionId of ['', county.id]) {
      const stats = await handlers['stats:get']({ regionId });
      for (const duty of DUTY_KEYS) {
        const { done, total } = stats.duties[duty];
        const lacking = await entities({ regionId, lacking: duty });
        expect(lacking.total, `${regionId || '全市'} ${duty}`).toBe(total - done);
      }
      expect((await entities({ regionId, types: ['企业'], scales: ['大型'] })).total).toBe(stats.entities.largeEnterprises);
      const { done, total } = stats.cadres.commitmentSigned;
      const unsigned = await cadres({ regionId, active: 'yes', unsignedYear: doc.profile.planYear });
      expect(unsigned.total).toBe(total - done);
      expect(unsigned.rows.every((c) => c.active)).toBe(true);
    }
    // The filters do narrow: some 企业 lack a duty, some cadres have signed.
    const whole = await handlers['stats:get']({ regionId: '' });
    expect(DUTY_KEYS.some((duty) => whole.duties[duty].done < whole.duties[duty].total)).toBe(true);
    expect(whole.cadres.commitmentSigned.done).toBeGreaterThan(0);
    expect((await entities({ lacking: 'commitment' })).rows.map((r) => r.id)).not.toContain(closed.id);
  });
});

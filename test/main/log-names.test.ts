import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/server/services';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

describe('操作日志 names', () => {
  it('says what the ids in an entry stand for: region paths and the names of 主体, cadres and grid regulators', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-03-15T09:00:00Z') });
    await store.replace(smallDoc());
    expect(await handlers['log:names']({ ids: ['hhc', 'e1', 'c1', 'g1', 'gone'] })).toEqual({
      hhc: '达拉特旗 / 昭君镇 / 和胜村',
      e1: '内蒙古食用油有限公司',
      c1: '张伟',
      g1: '高峰',
    });
  });
});

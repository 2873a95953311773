import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/server/services';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

describe('a blank library', () => {
  it('names no unit until the office gives its own (not the demo city’s bureau)', async () => {
    const { handlers } = await openServices(await newDir(), { now: () => new Date('2027-03-15T09:00:00Z') });
    const info = await handlers['app:createBlank']({});
    expect(info.orgName).toBe('');
    expect((await handlers['profile:get']({} as never)).profile.orgName).toBe('');

    const named = await openServices(await newDir(), { now: () => new Date('2027-03-15T09:00:00Z') });
    expect((await named.handlers['app:createBlank']({ orgName: '达拉特旗市场监督管理局' })).orgName).toBe('达拉特旗市场监督管理局');
  });
});

import { describe, expect, it } from 'vitest';
import { cli as run } from './run-cli';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/** The CLI in this process (test/main/run-cli.ts); its stdout, or the failure with its stderr. */
async function cli(...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await run(...args);
  if (code !== 0) throw new Error(`${args.join(' ')}: exit ${code}\n${stderr}`);
  return stdout;
}

describe('CLI stats text', () => {
  it('groups thousands, rounds rates as the screens do and says which 主体 the coverage leaves out', async () => {
    const data = await newDir();
    await cli('demo', '--scale', 'district', '--data', data);
    const stats = JSON.parse(await cli('stats', '--json', '--data', data)) as {
      entities: { total: number };
      coverage: { assigned: number; unassigned: number };
      cadres: { commitmentSigned: { done: number; total: number } };
    };
    const text = await cli('stats', '--data', data);
    const n = (value: number) => value.toLocaleString('zh-CN');
    expect(stats.entities.total).toBeGreaterThan(999);
    expect(text).toContain(`包保主体 ${n(stats.entities.total)} 户`);
    const closed = stats.entities.total - stats.coverage.assigned - stats.coverage.unassigned;
    expect(closed).toBeGreaterThan(0);
    expect(text).toContain(
      `已落实 ${n(stats.coverage.assigned)}，未落实 ${n(stats.coverage.unassigned)}（另有已注销 ${n(closed)} 户不计）`,
    );
    const { done, total } = stats.cadres.commitmentSigned;
    expect(text).toContain(`承诺书已签 ${n(done)} / ${n(total)} = ${(Math.round((1000 * done) / total) / 10).toFixed(1)}%`);
  });
});

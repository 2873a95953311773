import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_OPTIONS } from '../../main/server/cli/args';
import { cli } from './run-cli';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

describe('CLI options', () => {
  it('refuses an option it does not have (a typo) with one Chinese line naming it, exit 1', async () => {
    const data = await newDir();
    const run = await cli('export', 'entities', '--out', path.join(data, '主体.xlsx'), '--colums', '名称', '--data', data);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('错误：没有选项 --colums，请检查拼写（--help 查看用法） / Error: unknown option --colums\n');
  });

  it('refuses a value given to a switch and a missing value, each in one line', async () => {
    expect(await cli('stats', '--json=yes')).toMatchObject({
      code: 1,
      stderr: '错误：选项 --json 不带取值 / Error: option --json takes no value\n',
    });
    expect(await cli('export', 'entities', '--out')).toMatchObject({
      code: 1,
      stderr: '错误：选项 --out 缺少取值 / Error: option --out needs a value\n',
    });
  });

  it('-h prints the usage', async () => {
    const run = await cli('-h');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^用法 \/ usage: npm run cli/);
  });

  it('declares every option the commands read', async () => {
    const source = await readFile(path.resolve(import.meta.dirname, '../../main/server/cli/index.ts'), 'utf8');
    const read = new Set([...source.matchAll(/(?:Flag|oneOf)\(args, '([\w-]+)'|args\.flags\['([\w-]+)'\]/g)].map((m) => m[1] ?? m[2]));
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((name) => name !== undefined && !(name in CLI_OPTIONS))).toEqual([]);
  });
});

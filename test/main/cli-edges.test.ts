import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../main/server/storage/lock';
import { DATA_FILE_NAME, LowdbStore } from '../../main/server/storage/lowdb-store';
import { timed } from './cpu-time';
import { GOOD_ROWS, goodRows, hostileXlsx, rowsXml, STRAY_CELL } from './hostile-xlsx';
import { cli as runInProcess } from './run-cli';
import { smallDoc } from './small-doc';
import { filesUnder, useTempDirs } from './temp-dir';

const newDir = useTempDirs();
const ROOT = path.resolve(import.meta.dirname, '../..');
/** A CLI run answers a hostile file within this much CPU time, the reading thread's start included. */
const PROMPTLY_CPU_SECONDS = 20;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Options {
  /** Called once the run holds the data folder's lock, with the child's pid. */
  readonly onLocked?: (pid: number) => void;
  /** Closes the reading end of stdout after the first chunk, as `… | head -1` does. */
  readonly closeStdoutEarly?: boolean;
  /** A module loaded before the CLI (NODE_OPTIONS --import), e.g. one that throws. */
  readonly preload?: string;
  /** Called with the child's pid and its stderr so far, each time more comes. */
  readonly onStderr?: (pid: number, stderr: string) => void;
}

/** The CLI in one Node process (tsx as a loader, so that a signal reaches the CLI itself). */
function cli(dataDir: string, args: string[], options: Options = {}): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(options.preload ? { NODE_OPTIONS: `--import=${pathToFileURL(options.preload).href}` } : {}) };
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/server/cli/index.ts', ...args, '--data', dataDir], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.closeStdoutEarly) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (child.pid) options.onStderr?.(child.pid, stderr);
    });
    const lock = path.join(dataDir, LOCK_FILE_NAME);
    const watching = options.onLocked
      ? setInterval(() => {
          if (existsSync(lock) && child.pid) {
            clearInterval(watching);
            options.onLocked?.(child.pid);
          }
        }, 20)
      : undefined;
    child.on('exit', (code, signal) => {
      clearInterval(watching);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The same run in this process (runCli), with its CPU seconds: the hostile files test the reading, not the process. */
async function cliInProcess(dataDir: string, args: string[]): Promise<Run & { cpuSeconds: number }> {
  const { value: run, cpuSeconds } = await timed(() => runInProcess(...args, '--data', dataDir));
  return { ...run, signal: null, cpuSeconds };
}

/** A data folder holding smallDoc, and the hash of its data file. */
async function library(): Promise<{ dir: string; hash: () => Promise<string> }> {
  const dir = await newDir();
  const store = await LowdbStore.open(dir);
  await store.replace(smallDoc());
  await store.close();
  const hash = async () =>
    createHash('sha256')
      .update(await readFile(path.join(dir, DATA_FILE_NAME)))
      .digest('hex');
  return { dir, hash };
}

/** Exit 1, one line on stderr (Chinese, then the English part), no stack trace, no lock left, the data file as it was. */
async function expectOneLine(run: Run, chinese: string, dir: string, hashBefore: string, hash: () => Promise<string>): Promise<void> {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(chinese);
  expect(lines[0]).toMatch(/^错误：.* \/ Error: /);
  expect(run.stderr).not.toMatch(/\s+at\s/);
  expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  expect(await hash()).toBe(hashBefore);
}

/** A CSV of 主体 that takes the CLI seconds to check (time to interrupt it while it holds the lock). */
async function longImport(dir: string): Promise<string> {
  const file = path.join(dir, '全市主体.csv');
  const rows = Array.from({ length: 60_000 }, (_, i) => `昭君第${i + 1}号商店,个体工商户,D,达拉特旗,昭君镇,和胜村`);
  await writeFile(file, ['主体名称,主体类型,包保等级,所属旗区,乡镇（街道）,村（社区）', ...rows].join('\n'));
  return file;
}

describe('CLI: hostile files', () => {
  const cases: [string, () => Buffer, string][] = [
    [
      'a row beyond Excel’s last row',
      () =>
        hostileXlsx({ sheetData: rowsXml(goodRows()) + '<row r="200000000"><c r="A200000000" t="inlineStr"><is><t>甲</t></is></c></row>' }),
      '超出 Excel 的最大行数',
    ],
    [
      'a zip claiming gigabytes',
      () =>
        hostileXlsx({
          sheetData: rowsXml(goodRows()),
          extra: [{ name: 'xl/media/image1.png', data: Buffer.alloc(1024), claimedSize: 0xfffffff0 }],
        }),
      '解压后超过 300 MB',
    ],
    [
      'five million shared strings',
      () =>
        hostileXlsx({
          sheetData: rowsXml(goodRows()),
          sharedStrings: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>a</t></si>'.repeat(5_000_000)}</sst>`,
        }),
      '文字超过 200 万条',
    ],
  ];
  for (const [what, build, chinese] of cases) {
    it(`${what}: one Chinese line, exit 1, no lock, data.json byte-identical`, async () => {
      const { dir, hash } = await library();
      const file = path.join(dir, '主体.xlsx');
      await writeFile(file, build());
      const before = await hash();
      const run = await cliInProcess(dir, ['import', 'entities', file]);
      await expectOneLine(run, chinese, dir, before, hash);
      expect(run.cpuSeconds).toBeLessThan(PROMPTLY_CPU_SECONDS);
    });
  }

  it('a stray cell on row 1,048,576 below 1,500 rows: every row is imported', async () => {
    const { dir } = await library();
    const file = path.join(dir, '主体.xlsx');
    await writeFile(file, hostileXlsx({ sheetData: rowsXml(goodRows()) + STRAY_CELL }));
    const run = await cliInProcess(dir, ['import', 'entities', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The million rows the file leaves out are not counted as blank rows skipped.
    expect(JSON.parse(run.stdout)).toMatchObject({ added: GOOD_ROWS, rejected: 1, skipped: 0, rows: [{ row: 1_048_576 }] });
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('a file whose only row is a stray cell on row 1,048,576: exit 1, one line, data.json byte-identical, no backup', async () => {
    const { dir, hash } = await library();
    const before = await hash();
    const file = path.join(dir, '主体.xlsx');
    await writeFile(file, hostileXlsx({ sheetData: rowsXml(goodRows().slice(0, 1)) + STRAY_CELL }));
    const run = await cliInProcess(dir, ['import', 'entities', file]);
    expect(run.stdout).toContain('第 1048576 行');
    await expectOneLine(run, '文件中没有一行可以导入，数据未改动', dir, before, hash);
    expect(existsSync(path.join(dir, 'backups'))).toBe(false);
  });
});

describe('CLI: every way out releases the lock', () => {
  it('a closed stdout (`… | head -1`) is a normal end', async () => {
    const { dir } = await library();
    // Every row rejected (no such 旗区): the --json answer lists them all, far more than a pipe holds.
    const file = path.join(dir, '主体.csv');
    const rows = Array.from({ length: 3000 }, (_, i) => `不存在的商店${i + 1},个体工商户,D,不存在旗,不存在镇,不存在村`);
    await writeFile(file, ['主体名称,主体类型,包保等级,所属旗区,乡镇（街道）,村（社区）', ...rows].join('\n'));
    const run = await cli(dir, ['import', 'entities', file, '--json'], { closeStdoutEarly: true });
    // The run ends as it would have with the pipe open: every row refused is exit 1 with its one line, no EPIPE trace.
    expect(run.stderr).toBe(
      '错误：文件中没有一行可以导入，数据未改动。请按上面列出的原因修改后重新导入 / Error: no row could be imported; nothing was changed\n',
    );
    expect(run.code).toBe(1);
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while an import is checked: one line, no lock, data.json byte-identical`, async () => {
      const { dir, hash } = await library();
      const file = await longImport(dir);
      const before = await hash();
      const run = await cli(dir, ['import', 'entities', file], { onLocked: (pid) => setTimeout(() => process.kill(pid, signal), 500) });
      expect(run.code).toBe(signal === 'SIGTERM' ? 143 : 130);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^错误：操作被中断（${signal}）.* / Error: interrupted`));
      expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
      expect(await hash()).toBe(before);
    });
  }

  it('an unexpected error: one line, exit 1, no stack trace, no lock, data.json byte-identical', async () => {
    const { dir, hash } = await library();
    const file = await longImport(dir);
    // Thrown from a timer once the run holds the lock: no code of the CLI's own catches it.
    const preload = path.join(dir, 'throw-when-locked.mjs');
    const lock = JSON.stringify(path.join(dir, LOCK_FILE_NAME));
    await writeFile(
      preload,
      `import { existsSync } from 'node:fs';
       const poll = setInterval(() => {
         if (!existsSync(${lock})) return;
         clearInterval(poll);
         setTimeout(() => { throw new TypeError('injected failure'); }, 300);
       }, 20);
       poll.unref();`,
    );
    const before = await hash();
    const run = await cli(dir, ['import', 'entities', file], { preload });
    await expectOneLine(run, '意外错误（injected failure）', dir, before, hash);
  });

  it('Ctrl+C during export handbooks stops the job and keeps the handbooks written', { timeout: 300_000 }, async () => {
    const dir = await newDir();
    expect((await cli(dir, ['demo', '--scale', 'district'])).code).toBe(0);
    const out = path.join(dir, '手册');
    let interrupted = false;
    const run = await cli(dir, ['export', 'handbooks', '--out', out], {
      onStderr: (pid, stderr) => {
        // Once a few handbooks are written (the progress line says so).
        if (!interrupted && /\r[3-9]\d*\//.test(stderr)) {
          interrupted = true;
          process.kill(pid, 'SIGINT');
        }
      },
    });
    expect(interrupted).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('正在取消…');
    expect(run.stderr).not.toMatch(/\s+at\s|错误：/);
    // Filed in 旗区/乡镇 folders under --out.
    const written = await filesUnder(out, 'xlsx');
    expect(written.length).toBeGreaterThan(0);
    expect(run.stdout).toContain(`已取消：已导出 ${written.length} 本工作手册`);
  });
});

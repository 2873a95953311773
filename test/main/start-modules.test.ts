import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './temp-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const newDir = useTempDirs();

describe('what a start loads', () => {
  it('exceljs (half a CPU second) only when a workbook is first made, not when the services open', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'test/main/children/exceljs-loaded.ts', await newDir()],
      { cwd: ROOT },
    );
    expect(stdout).toBe('after start: false\nafter a workbook: true\n');
  });
});

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/server/services';
import { LowdbStore } from '../../main/server/storage/lowdb-store';
import { useTempDirs } from './temp-dir';
import { yearsOfVisits } from './years-of-visits';

const newDir = useTempDirs();
const NOW = new Date('2027-03-20T08:00:00Z');

/** The library of yearsOfVisits(30) written as the app writes it (plan year 2027). */
async function library(): Promise<string> {
  const dir = await newDir();
  const store = await LowdbStore.open(dir);
  await store.replace(yearsOfVisits(30));
  await store.close();
  return dir;
}

/** Every file of the folder, by name, its bytes as latin1 text (compared quickly): what a case may change. */
async function files(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json') || name.endsWith('.jsonl'));
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'latin1')] as const)));
}

/** `file`'s JSON changed by `change`, written back as UTF-8 with its head's openBytes counted again. */
async function damage(file: string, change: (year: Record<string, unknown>) => void): Promise<void> {
  const year = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  change(year);
  await writeFile(file, JSON.stringify({ ...year, openBytes: Buffer.byteLength(JSON.stringify(year['open'])) }));
}

describe('a year file edited by hand or damaged', () => {
  it('a visit filed under a year it was not planned in makes the plan year damaged at open: moved aside whole, not lost at the next save', async () => {
    const dir = await library();
    await damage(path.join(dir, 'visits-2027.json'), (year) => {
      const visits = year['visits'] as { plannedDate: string }[];
      visits[4] = { ...visits[4], plannedDate: '2026-05-05' } as { plannedDate: string };
    });
    const before = await files(dir);
    const { store } = await openServices(dir, { now: () => NOW });
    expect(store.recovery?.message).toMatch(
      /^数据文件中的 visits-2027\.json 无法读取：内容不符合数据格式（visits\.4\.plannedDate：计划日期不在 2027 年，不属于这个文件）。原文件已原样移到 (visits-2027\.damaged-\d{8}-\d{6}-\d{3}\.json) 保存。可以从备份恢复/,
    );
    await store.close();
    const after = await files(dir);
    const movedTo = path.basename(store.recovery?.movedTo ?? '');
    expect(after.get(movedTo)).toEqual(before.get('visits-2027.json'));
    expect(new Map([...after].filter(([name]) => name !== movedTo))).toEqual(
      new Map([...before].filter(([name]) => name !== 'visits-2027.json')),
    );
  });

  it("a past year's head carrying a visit of another year is refused when its problems are asked for, the file left as it is (not held as a visit of that year)", async () => {
    const dir = await library();
    await damage(path.join(dir, 'visits-2025.json'), (year) => {
      const open = year['open'] as { plannedDate: string }[];
      open[0] = { ...open[0], plannedDate: '2027-02-02' } as { plannedDate: string };
    });
    const before = await files(dir);
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    await expect(handlers['stats:get']({ regionId: '' })).rejects.toThrow(
      /^数据文件 visits-2025\.json 无法读取：内容不符合数据格式（open\.0\.plannedDate：计划日期不在 2025 年，不属于这个文件）。文件未被改动；请从“备份与恢复”恢复/,
    );
    await store.close();
    expect(await files(dir)).toEqual(before);
  });

  it('a few megabytes naming one long list hundreds of times are refused at open, not written out whole (gigabytes)', async () => {
    const dir = await library();
    await damage(path.join(dir, 'visits-2027.json'), (year) => {
      // 100,000 entries (2.7 million characters) named by 200 visits: 540 million characters of lists written out whole, as the head's `open` and a download are.
      year['checklists'] = [Array.from({ length: 100_000 }, () => ({ item: 'x', result: '符合' }))];
      const [first] = year['visits'] as object[];
      year['visits'] = Array.from({ length: 200 }, (_, i) => ({ ...first, id: `V-2027-x${i}`, checklist: 0 }));
    });
    const before = await files(dir);
    const store = await LowdbStore.open(dir);
    expect(store.recovery?.message).toMatch(
      /^数据文件中的 visits-2027\.json 无法读取：内容不符合数据格式（visits\.\d+\.checklist：检查要点合计超过本软件能读取的 500 MB，不是本软件写出的文件）。原文件已原样移到 /,
    );
    await store.close();
    expect((await files(dir)).get(path.basename(store.recovery?.movedTo ?? ''))).toEqual(before.get('visits-2027.json'));
  });

  it('a backup holding a damaged year file is refused by preview and restore with one message saying what to do; nothing changes', async () => {
    const dir = await library();
    const { handlers, store } = await openServices(dir, { now: () => NOW, backupAtStart: true });
    const [backup] = await handlers['backup:list']({});
    const fileName = backup?.fileName ?? '';
    await damage(path.join(dir, 'backups', fileName, 'visits-2025.json'), (year) => {
      (year['visits'] as { checklist: number }[])[4]!.checklist = 99;
    });
    const before = await files(dir);
    const backups = await readdir(path.join(dir, 'backups'));
    const refusal = `备份“${fileName}”中的 visits-2025.json内容不符合数据格式（visits.4.checklist：检查要点编号超出范围），这个备份不能使用，当前数据未改动。请选用另一个备份`;
    await expect(handlers['backup:preview']({ fileName })).rejects.toThrow(refusal);
    await expect(handlers['backup:restore']({ fileName })).rejects.toThrow(refusal);
    await store.close();
    expect(await files(dir)).toEqual(before);
    expect(await readdir(path.join(dir, 'backups'))).toEqual(backups);
  });
});

import { mkdir, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '@shared/domain/schemas';
import { CURRENT_SCHEMA_VERSION, type DataDoc } from '@shared/storage/types';
import type { Visit } from '@shared/visits/types';
import { openServices } from '../../main/server/services';
import { BACKUP_DIR_NAME } from '../../main/server/storage/backups';
import { DATA_FILE_NAME, LowdbStore } from '../../main/server/storage/lowdb-store';
import { killed, startChild } from './child';
import { readLibrary } from './library-files';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
const NOW = new Date('2027-03-20T08:00:00Z');
const YEARS = [2025, 2026, 2027];

/** smallDoc with `perYear` visits in each of three years (a problem on every 7th) and a log of `logEntries`. */
function libraryInUse(perYear: number, logEntries: number): DataDoc {
  const doc = smallDoc();
  doc.visits = YEARS.flatMap((year) =>
    Array.from({ length: perYear }, (_, i): Visit => {
      const day = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      return {
        id: `V-${year}-${i}`,
        entityId: i % 2 === 0 ? 'e1' : 'e2',
        cadreId: i % 2 === 0 ? 'c1' : 'c2',
        plannedDate: day,
        ...(year < 2027 ? { doneDate: day, type: '现场' as const } : {}),
        checklist: year < 2027 ? [{ item: '督导检查要点综合检查', result: '符合' }] : [],
        problems: i % 7 === 0 ? [{ id: `Q-${year}-${i}`, description: '晨检记录不全', deadline: day, steps: [] }] : [],
        notes: '',
      };
    }),
  );
  doc.log = Array.from({ length: logEntries }, (_, i): LogEntry => ({
    at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    operator: '管理员',
    action: 'visits:record',
    summary: `记录督导 ${i}`,
  }));
  return doc;
}

/** The library as a version before 4 wrote it: everything in data.json. */
async function oldLibrary(doc: DataDoc): Promise<{ dir: string; text: string }> {
  const dir = await newDir();
  const text = JSON.stringify({ ...doc, schemaVersion: CURRENT_SCHEMA_VERSION - 1 });
  await writeFile(path.join(dir, DATA_FILE_NAME), text);
  return { dir, text };
}

/** Each file of the folder with its inode (a new one when the file was written again) and size. */
async function filesOf(dir: string): Promise<Map<string, { ino: number; size: number }>> {
  const files = new Map<string, { ino: number; size: number }>();
  for (const name of await readdir(dir)) {
    const info = await stat(path.join(dir, name));
    if (info.isFile()) files.set(name, { ino: info.ino, size: info.size });
  }
  return files;
}

/** What the library must hold after a migration: the old document, now at the current version. */
function migrated(doc: DataDoc): DataDoc {
  return { ...doc, schemaVersion: CURRENT_SCHEMA_VERSION };
}

describe('history stored apart from the master data', () => {
  it('opening a library of one data.json keeps that file as it was and splits it: visits per year, the 操作日志 as lines', async () => {
    const doc = libraryInUse(40, 25);
    const { dir, text } = await oldLibrary(doc);
    const store = await LowdbStore.open(dir);
    expect(store.read()?.visits).toHaveLength(120);
    await store.close();

    const names = (await readdir(dir)).sort();
    expect(names).toEqual([BACKUP_DIR_NAME, DATA_FILE_NAME, 'log.jsonl', 'visits-2025.json', 'visits-2026.json', 'visits-2027.json']);
    const master = JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(master['schemaVersion']).toBe(CURRENT_SCHEMA_VERSION);
    expect(Object.keys(master)).not.toContain('visits');
    expect(Object.keys(master)).not.toContain('log');
    const visits2026 = JSON.parse(await readFile(path.join(dir, 'visits-2026.json'), 'utf8')) as { visits: Visit[] };
    expect(visits2026.visits.map((v) => v.id)).toEqual(doc.visits.filter((v) => v.plannedDate.startsWith('2026')).map((v) => v.id));
    expect((await readFile(path.join(dir, 'log.jsonl'), 'utf8')).split('\n')).toHaveLength(26);
    // The pre-migration copy is the old file byte for byte.
    const [kept, ...others] = (await readdir(path.join(dir, BACKUP_DIR_NAME))).filter((name) =>
      name.startsWith(`data.v${CURRENT_SCHEMA_VERSION - 1}-`),
    );
    expect(others).toEqual([]);
    expect(await readFile(path.join(dir, BACKUP_DIR_NAME, kept ?? ''), 'utf8')).toBe(text);
    expect(sortVisits(await readLibrary(dir))).toEqual(sortVisits(migrated(doc)));
  });

  it('an edit of a 主体 writes data.json alone and appends one line to the 操作日志; a visit writes its own year', async () => {
    const { dir } = await oldLibrary(libraryInUse(40, 25));
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    const before = await filesOf(dir);
    const entity = store.read()?.entities[0];
    if (!entity) throw new Error('no 主体');
    await handlers['entities:save']({ ...entity, notes: '已核实' });

    const after = await filesOf(dir);
    expect(after.get(DATA_FILE_NAME)?.ino).not.toBe(before.get(DATA_FILE_NAME)?.ino);
    for (const year of YEARS) expect(after.get(`visits-${year}.json`), String(year)).toEqual(before.get(`visits-${year}.json`));
    // Appended in place, not written again.
    expect(after.get('log.jsonl')?.ino).toBe(before.get('log.jsonl')?.ino);
    const lines = (await readFile(path.join(dir, 'log.jsonl'), 'utf8')).split('\n');
    expect(lines).toHaveLength(27);
    expect(JSON.parse(lines[25] ?? '')).toMatchObject({ action: 'entities:save', summary: `修改主体“${entity.name}”` });

    // A visit of the plan year is recorded: the past years' files stay as they were.
    await handlers['visits:record']({ id: 'V-2027-1', doneDate: '2027-03-01', checklist: [], problems: [], notes: '' });
    const recorded = await filesOf(dir);
    expect(recorded.get('visits-2027.json')?.ino).not.toBe(after.get('visits-2027.json')?.ino);
    for (const year of [2025, 2026]) expect(recorded.get(`visits-${year}.json`), String(year)).toEqual(before.get(`visits-${year}.json`));
    await store.close();
    const reread = await readLibrary(dir);
    expect(reread.entities[0]?.notes).toBe('已核实');
    expect(reread.visits.find((v) => v.id === 'V-2027-1')?.doneDate).toBe('2027-03-01');
    expect(reread.log.map((e) => e.action).slice(-2)).toEqual(['entities:save', 'visits:record']);
  });

  it('a visit moved to another year leaves its old year and joins the new one; the 操作日志 is read when asked for', async () => {
    const { dir } = await oldLibrary(libraryInUse(10, 3));
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    await store.update((doc) => {
      const visit = doc.visits.find((v) => v.id === 'V-2026-3');
      if (visit) visit.plannedDate = '2027-01-15';
    });
    expect((await handlers['log:list']({ limit: 1000, text: '' })).length).toBe(3);
    await store.close();
    const reread = await readLibrary(dir);
    expect(reread.visits.find((v) => v.id === 'V-2026-3')?.plannedDate).toBe('2027-01-15');
    expect(reread.visits.filter((v) => v.id === 'V-2026-3')).toHaveLength(1);
    const in2026 = JSON.parse(await readFile(path.join(dir, 'visits-2026.json'), 'utf8')) as { visits: Visit[] };
    expect(in2026.visits.map((v) => v.id)).not.toContain('V-2026-3');
  });

  it('a migration cut short before its files are in place (a file cannot be written) leaves data.json as it was; the next open does it', async () => {
    const doc = libraryInUse(30, 10);
    const { dir, text } = await oldLibrary(doc);
    // A folder where the temp file of visits-2026.json would go: that write fails.
    const obstacle = path.join(dir, `.visits-2026.json.${process.pid}.tmp`);
    await mkdir(obstacle);
    await expect(LowdbStore.open(dir)).rejects.toThrow(/visits-2026\.json/);
    expect(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8')).toBe(text);

    await rmDir(obstacle);
    const store = await LowdbStore.open(dir);
    await store.close();
    expect(sortVisits(await readLibrary(dir))).toEqual(sortVisits(migrated(doc)));
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp') || name.startsWith('.commit'))).toEqual([]);
  });

  it('a migration cut short while its files are renamed into place is finished by the next open', async () => {
    const doc = libraryInUse(30, 10);
    const { dir } = await oldLibrary(doc);
    // A folder with something in it where visits-2026.json goes: its rename fails after visits-2027.json's.
    const obstacle = path.join(dir, 'visits-2026.json');
    await mkdir(path.join(obstacle, 'x'), { recursive: true });
    await expect(LowdbStore.open(dir)).rejects.toThrow(/visits-2026\.json/);
    expect(await readdir(dir)).toContain('.commit.json');

    await rmDir(obstacle);
    const store = await LowdbStore.open(dir);
    await store.close();
    expect(sortVisits(await readLibrary(dir))).toEqual(sortVisits(migrated(doc)));
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp') || name.startsWith('.commit'))).toEqual([]);
  });

  it('a migration killed at any moment (kill -9) is finished or done again at the next open: nothing lost', async () => {
    const doc = libraryInUse(6000, 4000);
    const kills = 8;
    // Seeded: a failing run repeats.
    const delays = fc.sample(fc.integer({ min: 0, max: 400 }), { seed: 20261205, numRuns: kills });
    const expected = sortVisits(migrated(doc));
    for (const delay of delays) {
      const { dir, text } = await oldLibrary(doc);
      const child = await startChild('open-store.ts', [dir]);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await killed(child);
      const store = await LowdbStore.open(dir);
      expect(store.recovery, `kill after ${delay} ms`).toBeNull();
      await store.close();
      expect(sortVisits(await readLibrary(dir)), `kill after ${delay} ms`).toEqual(expected);
      const kept = (await readdir(path.join(dir, BACKUP_DIR_NAME))).filter((name) => name.startsWith('data.v'));
      expect(kept.length, `kill after ${delay} ms`).toBeGreaterThan(0);
      for (const name of kept) {
        const copy = await readFile(path.join(dir, BACKUP_DIR_NAME, name), 'utf8');
        // A pre-migration copy is whole or absent (a copy cut short is a temp file, swept).
        expect(copy === text, `kill after ${delay} ms`).toBe(true);
      }
    }
  }, 120_000);

  it('a commit plan cut short while it was written is dropped at the next open: the change never began', async () => {
    const doc = libraryInUse(10, 3);
    const { dir } = await oldLibrary(doc);
    await (await LowdbStore.open(dir)).close();
    const before = await readFile(path.join(dir, DATA_FILE_NAME), 'utf8');
    const temp = `.${DATA_FILE_NAME}.999999.tmp`;
    await writeFile(path.join(dir, temp), '{"schemaVersion":');
    const plan = JSON.stringify({ renames: [[temp, DATA_FILE_NAME]], append: { name: 'log.jsonl', offset: 0, text: 'x\n' } });
    await writeFile(path.join(dir, '.commit.json'), plan.slice(0, plan.length / 2));

    const store = await LowdbStore.open(dir);
    expect(store.recovery).toBeNull();
    await store.close();
    expect(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8')).toBe(before);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp') || name.startsWith('.commit'))).toEqual([]);
    expect(sortVisits(await readLibrary(dir))).toEqual(sortVisits(migrated(doc)));
  });

  it('a damaged file of the history is moved aside with a message, and the newest backup (a folder) restores everything', async () => {
    const { dir } = await oldLibrary(libraryInUse(20, 5));
    const first = await openServices(dir, { now: () => NOW, backupAtStart: true });
    const [backup] = await first.handlers['backup:list']({});
    expect(backup?.fileName).toMatch(/^backup-\d{8}-\d{6}-\d{3}-start$/);
    await first.store.close();
    // The plan year's file, read at open (a past year's is found when asked for: history-years.test.ts).
    const part = path.join(dir, 'visits-2027.json');
    await truncate(part, Math.floor((await stat(part)).size / 2));

    const { handlers, store } = await openServices(dir, { now: () => NOW });
    expect(store.read()).toBeNull();
    expect(store.recovery?.message).toMatch(
      /^数据文件中的 visits-2027\.json 无法读取：内容不是完整的 JSON.*原文件已原样移到 visits-2027\.damaged-\d{8}-\d{6}-\d{3}\.json 保存/,
    );
    expect(await readdir(dir)).not.toContain('visits-2027.json');
    await handlers['backup:restore']({ fileName: backup?.fileName ?? '' });
    await store.close();
    expect((await readLibrary(dir)).visits).toHaveLength(60);
  });

  it('a damaged 操作日志 is moved aside when it is read; the entries made after that go into a new one', async () => {
    const { dir } = await oldLibrary(libraryInUse(5, 5));
    await (await LowdbStore.open(dir)).close();
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    await writeFile(path.join(dir, 'log.jsonl'), '{"at":"2027-01-01T00:00:00Z","operator":"管理员","action":"x","summary":"y"}\n{"at":');
    const entity = store.read()?.entities[0];
    if (!entity) throw new Error('no 主体');
    await handlers['entities:save']({ ...entity, notes: '一' });
    await expect(handlers['log:list']({ limit: 1000, text: '' })).rejects.toThrow(
      /^操作日志文件 log\.jsonl 无法读取：第 2 行.*原文件已原样移到 log\.damaged-\d{8}-\d{6}-\d{3}\.jsonl 保存/,
    );
    // Everything the file held, the entry appended to it before it was read included, stays in the file moved aside.
    const [movedAside] = (await readdir(dir)).filter((name) => name.startsWith('log.damaged-'));
    expect(await readFile(path.join(dir, movedAside ?? ''), 'utf8')).toContain('"notes":"一"');
    expect(await handlers['log:list']({ limit: 1000, text: '' })).toEqual([]);
    await handlers['entities:save']({ ...entity, notes: '二' });
    await store.close();
    expect((await readLibrary(dir)).log.map((e) => e.summary)).toEqual([`修改主体“${entity.name}”`]);
  });

  it('a backup made by an older version (one file) is still listed, previewed and restored; a damaged backup folder is refused', async () => {
    const doc = libraryInUse(10, 2);
    const { dir, text } = await oldLibrary(doc);
    await mkdir(path.join(dir, BACKUP_DIR_NAME));
    await writeFile(path.join(dir, BACKUP_DIR_NAME, 'backup-20260101-080000-000-manual.json'), text);
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    await store.update((d) => {
      d.visits = [];
    });
    const list = await handlers['backup:list']({});
    expect(list.map((b) => b.fileName)).toContain('backup-20260101-080000-000-manual.json');
    const preview = await handlers['backup:preview']({ fileName: 'backup-20260101-080000-000-manual.json' });
    expect(preview.collections.find((c) => c.label === '督导记录（含计划）')).toMatchObject({ current: 0, backup: 30 });
    await handlers['backup:restore']({ fileName: 'backup-20260101-080000-000-manual.json' });
    expect(store.read()?.visits).toHaveLength(30);

    const made = await handlers['backup:create']({});
    await writeFile(path.join(dir, BACKUP_DIR_NAME, made.fileName, 'visits-2025.json'), '{"visits":[{"id":');
    await expect(handlers['backup:preview']({ fileName: made.fileName })).rejects.toThrow(
      `备份“${made.fileName}”中的 visits-2025.json内容不是完整的 JSON（文件可能已损坏）`,
    );
    await store.close();
  });
});

/** Visits in id order: the files hold each year apart, so the order across years is the files'. */
function sortVisits(doc: DataDoc): DataDoc {
  return { ...doc, visits: [...doc.visits].sort((a, b) => a.id.localeCompare(b.id)) };
}

async function rmDir(dir: string): Promise<void> {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
}

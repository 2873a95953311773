import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, HISTORY_APART_SINCE, type DataDoc } from '@shared/storage/types';
import type { Visit } from '@shared/visits/types';
import { openServices } from '../../main/server/services';
import { LowdbStore } from '../../main/server/storage/lowdb-store';
import { readLibrary } from './library-files';
import { useTempDirs } from './temp-dir';
import { ITEMS, YEARS, yearsOfVisits } from './years-of-visits';

const newDir = useTempDirs();
const NOW = new Date('2027-03-20T08:00:00Z');
/** The library written as the app writes it. */
async function libraryOf(doc: DataDoc): Promise<string> {
  const dir = await newDir();
  const store = await LowdbStore.open(dir);
  await store.replace(doc);
  await store.close();
  return dir;
}

/**
 * Rewrites the library in `dir` as the app wrote it before the 督导检查要点 were stored once (data
 * version 4): each visit with its own list.
 */
async function asWrittenBefore(dir: string): Promise<void> {
  const library = await readLibrary(dir);
  const master = JSON.parse(await readFile(path.join(dir, 'data.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(path.join(dir, 'data.json'), JSON.stringify({ ...master, schemaVersion: HISTORY_APART_SINCE }));
  for (const year of YEARS) {
    const file = path.join(dir, `visits-${year}.json`);
    const { checklists: _, visits: __, ...head } = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    // As UTF-8, the open visits' length counted in its bytes.
    const openBytes = Buffer.byteLength(JSON.stringify(head['open']));
    await writeFile(
      file,
      JSON.stringify({ ...head, openBytes, visits: library.visits.filter((v) => v.plannedDate.startsWith(String(year))) }),
    );
  }
}

async function yearFile(dir: string, year: number): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(dir, `visits-${year}.json`), 'utf8')) as Record<string, unknown>;
}

describe('year files store each 督导检查要点 list once', () => {
  it('a year file holds its distinct lists once and each visit the index of its own; read back, the library is as written', async () => {
    const doc = yearsOfVisits(84);
    const dir = await libraryOf(structuredClone(doc));
    const stored = await yearFile(dir, 2026);
    const distinct = new Set(doc.visits.filter((v) => v.plannedDate.startsWith('2026')).map((v) => JSON.stringify(v.checklist)));
    expect(stored['checklists']).toHaveLength(distinct.size);
    expect(Object.keys(stored)).toEqual(['years', 'unfinished', 'openBytes', 'open', 'checklists', 'visits']);
    expect((stored['visits'] as { checklist: unknown }[]).every((v) => typeof v.checklist === 'number')).toBe(true);
    // Written as ASCII (the Chinese as \u escapes), so it decodes and parses as one-byte text.
    expect((await readFile(path.join(dir, 'visits-2026.json'))).every((byte) => byte < 0x80)).toBe(true);
    // The visits the head carries for the 问题整改台账 stay whole.
    expect((stored['open'] as Visit[])[0]?.checklist[0]).toEqual({ item: ITEMS[0], result: '不符合' });
    const sortById = (visits: readonly Visit[]) => [...visits].sort((a, b) => a.id.localeCompare(b.id));
    const read = await readLibrary(dir);
    expect(sortById(read.visits)).toEqual(sortById(doc.visits));
    // The visits naming one list share it, frozen: a change in place throws instead of reaching the others.
    const [first, second] = read.visits.filter((v) => v.plannedDate.startsWith('2026') && v.checklist.length === 4 && v.id !== 'V-2026-0');
    expect(first?.checklist).toBe(second?.checklist);
    expect(() => {
      if (first?.checklist[0]) first.checklist[0].result = '不符合';
    }).toThrow(TypeError);
  });

  it('the bytes written are the same for the same library, whichever way it came to be held', async () => {
    const doc = yearsOfVisits(40);
    const first = await libraryOf(structuredClone(doc));
    const second = await libraryOf(await readLibrary(first));
    for (const year of YEARS)
      expect(await readFile(path.join(second, `visits-${year}.json`), 'utf8')).toBe(
        await readFile(path.join(first, `visits-${year}.json`), 'utf8'),
      );
  });

  it('year files written before are read, and each is written in the new way when a change next writes it; old and new read alike', async () => {
    const dir = await libraryOf(yearsOfVisits(60));
    await asWrittenBefore(dir);
    const before = await readLibrary(dir);
    const oldSize = (await stat(path.join(dir, 'visits-2026.json'))).size;
    const planYearFile = await readFile(path.join(dir, 'visits-2027.json'));

    const { handlers, store } = await openServices(dir, { now: () => NOW });
    // data.json says version 5 as soon as the library is opened, before any year file is written in
    // the new way: version 4 refuses such a folder as newer instead of moving those files aside.
    expect(JSON.parse(await readFile(path.join(dir, 'data.json'), 'utf8'))).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThan(HISTORY_APART_SINCE);
    expect(await readFile(path.join(dir, 'visits-2027.json'))).toEqual(planYearFile);
    expect(store.read()?.visits.filter((v) => v.plannedDate.startsWith('2027'))).toEqual(
      before.visits.filter((v) => v.plannedDate.startsWith('2027')),
    );
    // The open problems of 2025 and 2026 from their heads, written before too.
    const open = before.visits.flatMap((v) => v.problems).filter((p) => p.rectifiedOn === undefined);
    expect((await handlers['stats:get']({ regionId: '' })).problems.openAllYears).toBe(open.length);
    expect(store.unreadYears).toEqual([2025, 2026]);
    // A change of one 2026 visit reads that year whole and writes it in the new way; 2025 stays as it was.
    await store.ensureYears({ visits: ['V-2026-5'] });
    await store.update((d) => {
      const visit = d.visits.find((v) => v.id === 'V-2026-5');
      if (visit) visit.notes = '已复查';
    });
    await store.close();
    expect(Object.keys(await yearFile(dir, 2026))).toContain('checklists');
    expect(Object.keys(await yearFile(dir, 2025))).not.toContain('checklists');
    expect((await stat(path.join(dir, 'visits-2026.json'))).size).toBeLessThan(oldSize * 0.75);

    const after = await readLibrary(dir);
    const changed = before.visits.map((v) => (v.id === 'V-2026-5' ? { ...v, notes: '已复查' } : v));
    const byId = (visits: readonly Visit[]) => new Map(visits.map((v) => [v.id, v]));
    expect(byId(after.visits)).toEqual(byId(changed));
    // Written whole in the new way (a restore, a migration), it reads as the old files did.
    const rewritten = await libraryOf(structuredClone(before));
    expect(byId((await readLibrary(rewritten)).visits)).toEqual(byId(before.visits));
  });

  it('a list a visit names that its file does not hold makes the file damaged: the plan year is moved aside at open, a past year refused when asked for', async () => {
    const dir = await libraryOf(yearsOfVisits(30));
    // The table cut short but still JSON: the last list is gone, the visits naming it point past the end.
    const past = await yearFile(dir, 2025);
    await writeFile(
      path.join(dir, 'visits-2025.json'),
      JSON.stringify({ ...past, checklists: (past['checklists'] as unknown[]).slice(0, -1) }),
    );
    const damagedPast = await readFile(path.join(dir, 'visits-2025.json'), 'utf8');
    const { handlers, store } = await openServices(dir, { now: () => NOW });
    expect(store.recovery).toBeNull();
    await expect(handlers['stats:get']({ regionId: '', year: 2025 })).rejects.toThrow(
      /^数据文件 visits-2025\.json 无法读取：内容不符合数据格式（visits\.\d+\.checklist：检查要点编号超出范围）。文件未被改动/,
    );
    await store.close();
    expect(await readFile(path.join(dir, 'visits-2025.json'), 'utf8')).toBe(damagedPast);

    const plan = await yearFile(dir, 2027);
    const visits = plan['visits'] as { checklist: number }[];
    visits[4] = { ...visits[4], checklist: 99 } as { checklist: number };
    await writeFile(path.join(dir, 'visits-2027.json'), JSON.stringify(plan));
    const reopened = await LowdbStore.open(dir);
    expect(reopened.read()).toBeNull();
    expect(reopened.recovery?.message).toMatch(
      /^数据文件中的 visits-2027\.json 无法读取：内容不符合数据格式（visits\.4\.checklist：检查要点编号超出范围）。原文件已原样移到 visits-2027\.damaged-\d{8}-\d{6}-\d{3}\.json 保存/,
    );
    await reopened.close();
    expect(await readdir(dir)).not.toContain('visits-2027.json');
  });

  it('a year file cut short inside its table of lists is refused as not whole, and moved aside', async () => {
    const dir = await libraryOf(yearsOfVisits(30));
    const file = path.join(dir, 'visits-2027.json');
    const text = await readFile(file, 'utf8');
    await truncate(file, Buffer.byteLength(text.slice(0, text.indexOf('"checklists":') + 40)));
    const store = await LowdbStore.open(dir);
    expect(store.recovery?.message).toMatch(/^数据文件中的 visits-2027\.json 无法读取：内容不是完整的 JSON/);
    await store.close();
  });
});

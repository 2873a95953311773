import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiSchemas } from '@shared/api/contract';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/**
 * Payloads no schema accepts: wrong top-level types, and objects with a key no method has
 * (every input object is strict) or with the right keys holding the wrong types.
 */
const malformed = fc.oneof(
  fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.array(fc.anything()), fc.constant(null)),
  fc.dictionary(fc.string(), fc.anything()).map((o) => ({ ...o, '\u0000unknown': 1 })),
  fc.record({
    id: fc.oneof(fc.integer(), fc.constant(''), fc.array(fc.string())),
    previewId: fc.integer(),
    kind: fc.string(),
    name: fc.integer(),
    grade: fc.string({ minLength: 2 }),
  }),
);

describe('every API method refuses malformed input cleanly', () => {
  it('returns an error envelope with a Chinese message and writes nothing', async () => {
    const dir = await newDir();
    const { handlers, store } = await openServices(dir);
    await store.replace(smallDoc());
    const file = path.join(dir, DATA_FILE_NAME);
    const before = await readFile(file);
    for (const method of Object.keys(apiSchemas)) {
      await fc.assert(
        fc.asyncProperty(malformed, async (payload) => {
          const result = await dispatch(handlers, method, payload);
          expect(result.ok, `${method} accepted ${JSON.stringify(payload)}`).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('invalid-argument');
            expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
          }
        }),
        { numRuns: 40, seed: 20271 },
      );
    }
    expect(await readFile(file)).toEqual(before);
  });
});

/** Strings of the right type that must still not get in: control and bidi characters, impossible dates, dangling ids, huge text. */
const hostileString = fc.oneof(
  fc.constantFrom('2027-02-30', '2026-13-01', '2025-02-29', '0000-00-00', '9999-12-31', '1900-12-31', '2101-01-01'),
  fc.constantFrom('nope', 'e999', 'c999', 'R-gone', 'T99', 'V-gone', ''),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u001b',
      '[31m',
      '\u009b',
      '\u202e',
      '\u2066',
      '\u200f',
      '\u200b',
      '\ufeff',
      '\n',
      '\t',
      ' ',
      'a',
      '张',
    ),
    minLength: 1,
    maxLength: 8,
  }),
  fc.constant('长'.repeat(5000)),
);
/** Numbers of the right type that must still not get in (or must not break anything once in). */
const hostileNumber = fc.constantFrom(
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  Number.MIN_VALUE,
  0,
  -1,
  0.5,
  1899,
  2101,
);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every leaf (string or number) of a payload, and every array (to repeat its first item). */
function places(value: Json, at: (string | number)[] = []): { path: (string | number)[]; kind: 'string' | 'number' | 'array' }[] {
  if (typeof value === 'string') return [{ path: at, kind: 'string' }];
  if (typeof value === 'number') return [{ path: at, kind: 'number' }];
  if (Array.isArray(value))
    return [...(value.length > 0 ? [{ path: at, kind: 'array' as const }] : []), ...value.flatMap((item, i) => places(item, [...at, i]))];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => places(item, [...at, key]));
  return [];
}

function replaced(payload: Json, path: (string | number)[], make: (old: Json) => Json): Json {
  if (path.length === 0) return make(payload);
  const copy = structuredClone(payload) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  node[last] = make(node[last]!);
  return copy;
}

describe('every write method holds against well-typed but invalid values', () => {
  it('answers a Chinese error and leaves data.json byte-identical, or succeeds and every read still answers', async () => {
    const dir = await newDir();
    const { handlers, store } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
    await store.replace(smallDoc());
    // A library with every kind of record the write methods refer to.
    await handlers['battlemap:create']({ planStart: '2027-03-01', finalDeadline: '2027-12-31', mode: 'backward', dispatchWeekday: 5 });
    await handlers['visits:plan']({ year: 2027 });
    const [visit] = await handlers['visits:list']({ year: 2027, cadreId: '', entityId: '' });
    const recorded = await handlers['visits:record']({
      id: visit!.id,
      doneDate: '2027-03-10',
      checklist: [{ item: '证照', result: '不符合' }],
      problems: [{ description: '证照过期', deadline: '2027-04-01' }],
      notes: '',
    });
    await handlers['export:saveTemplate']({ kind: 'entities', name: '简表', columns: ['name'] });
    const { importMappings: _m, exportTemplates: _t, ...stored } = (await handlers['profile:get']({})).profile;
    // The letters name whom to call: without a contact they are not printed.
    const settings = { ...stored, letter: { ...stored.letter, contactName: '赵敏', contactPhone: '0477-8581234' } };
    await handlers['profile:save'](settings);
    // The store reads its 操作日志 when asked for: a copy of the document names it.
    const seeded = { ...structuredClone(store.read()!), log: structuredClone(store.read()!.log) };
    const file = path.join(dir, DATA_FILE_NAME);

    const writes: Record<string, Json> = {
      'regions:save': { id: 'hhc', parentId: 'zjz', name: '和胜村', code: '150621103201', kind: '村' },
      'regions:delete': { id: 'hhc' },
      'entities:save': {
        id: 'e2',
        name: '幸福便利店',
        type: '个体工商户',
        grade: 'D',
        regionId: 'xfsq',
        address: '幸福路1号',
        duties: { riskList: '2027-03-01' },
        canteen: { kind: '学校', mealHeadcount: 100 },
        safetyOfficers: [{ name: '王芳', phone: '13804770001' }],
      },
      'entities:delete': { id: 'e2' },
      'cadres:save': {
        id: 'c2',
        name: '李娜',
        level: 'village',
        regionId: 'xfsq',
        phone: '13900000002',
        commitments: [{ year: 2027, signedOn: '2027-03-01' }],
        notes: '',
      },
      'cadres:delete': { id: 'c2' },
      'regulators:save': { id: 'g1', name: '高峰', unit: '昭君市场监督管理所', regionIds: ['zjz'] },
      'regulators:delete': { id: 'g1', handTo: '' },
      'profile:save': { ...(settings as unknown as Record<string, Json>), planYear: 2027, backupKeep: 20 },
      'export:saveTemplate': { kind: 'entities', name: '简表', columns: ['name', 'grade'] },
      'export:deleteTemplate': { kind: 'entities', name: '简表' },
      'import:saveMapping': { kind: 'entities', mapping: { 企业名称: 'name' } },
      'import:commit': { previewId: 'nope', saveMapping: false },
      'backup:restore': { fileName: 'nope.json' },
      'battlemap:create': { planStart: '2027-03-01', finalDeadline: '2027-12-31', mode: 'backward', dispatchWeekday: 5 },
      'battlemap:settings': { planStart: '2027-03-01', finalDeadline: '2027-12-31', mode: 'forward', dispatchWeekday: 5 },
      'battlemap:saveTask': {
        id: 'T01',
        seq: 1,
        name: '摸底排查',
        durationDays: 5,
        predecessors: [],
        deadline: '2027-04-30',
        progress: 10,
      },
      'battlemap:deleteTask': { id: 'T02' },
      'battlemap:dispatch': { date: '2027-03-05', entries: [{ taskId: 'T01', progress: 20, note: '进展顺利' }] },
      'calendar:save': { extraHolidays: ['2027-05-06'], extraWorkdays: ['2027-05-08'] },
      'visits:plan': { year: 2027 },
      'visits:record': {
        id: visit!.id,
        doneDate: '2027-03-12',
        checklist: [{ item: '证照', result: '符合' }],
        problems: [{ id: recorded.problems[0]!.id, description: '证照过期', deadline: '2027-04-01' }],
        notes: '已复查',
      },
      'visits:rectify': { visitId: visit!.id, problemId: recorded.problems[0]!.id, rectifiedOn: '2027-03-14' },
      'problems:step': {
        visitId: visit!.id,
        problemId: recorded.problems[0]!.id,
        step: '交办',
        on: '2027-03-13',
        by: '刘文',
        note: '请督促整改',
        to: '昭君市场监督管理所',
      },
      'assign:reassign': { entityIds: ['e1'], cadreId: 'c2', date: '2027-03-10' },
      'assign:release': { entityIds: ['e1'], reason: '调整', date: '2027-03-10' },
      'assign:replaceCadre': { fromCadreId: 'c1', toCadreId: 'c2', date: '2027-03-10', deactivate: true },
      'jobs:cancel': { jobId: 'nope' },
    };
    const reads: [string, Json][] = [
      ['app:info', {}],
      ['regions:list', {}],
      ['entities:query', {}],
      ['cadres:query', {}],
      ['regulators:list', {}],
      ['regulators:overview', {}],
      ['stats:get', {}],
      ['stats:breakdown', {}],
      ['stats:weekly', {}],
      ['stats:loads', {}],
      ['log:list', {}],
      ['battlemap:get', {}],
      ['visits:list', { year: 2027 }],
      ['visits:openProblems', {}],
      ['problems:list', {}],
      ['assign:violations', {}],
      ['assign:loads', {}],
      ['profile:get', {}],
      ['letters:get', {}],
      ['handbook:view', { cadreId: 'c1' }],
      ['entities:get', { id: 'e1' }],
      ['cadres:get', { id: 'c1' }],
      ...(['summary', 'assignments', 'visits', 'problems', 'dispatch'] as const).map((report): [string, Json] => [
        'report:preview',
        { report },
      ]),
    ];

    // battlemap:create needs a library without a 作战图 to get past its conflict check.
    const startOf = (method: string) => (method === 'battlemap:create' ? { ...seeded, battleMap: null } : seeded);
    // A refused write leaves the library as it was (checked below): only a success needs a fresh copy.
    let changed = true;
    for (const [method, base] of Object.entries(writes)) {
      changed = true;
      const spots = places(base);
      const mutation = fc.record({ spot: fc.nat({ max: spots.length - 1 }), text: hostileString, number: hostileNumber });
      // Besides the random runs, every place once: an impossible date where a date is, a colour code in other text, 1e308 in a number.
      const everyPlace = spots.map(({ path: at }, spot) => {
        const old = at.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, base);
        return [{ spot, text: typeof old === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(old) ? '2027-02-30' : '\u001b[31m红', number: 1e308 }];
      });
      await fc.assert(
        fc.asyncProperty(mutation, async ({ spot, text, number }) => {
          if (changed) await store.replace(structuredClone(startOf(method)));
          changed = false;
          const { path: at, kind } = spots[spot]!;
          const payload = replaced(base, at, (old) =>
            kind === 'string' ? text : kind === 'number' ? number : [...(old as Json[]), (old as Json[])[0]!],
          );
          const before = await readFile(file);
          const result = await dispatch(handlers, method, payload);
          const sent = `${method} ${JSON.stringify(payload).slice(0, 300)}`;
          if (!result.ok) {
            expect(result.error.code, `${sent}: ${result.error.message}`).not.toBe('internal');
            expect(result.error.message, sent).toMatch(/[\u4e00-\u9fff]/);
            expect(await readFile(file), `${sent} changed data.json`).toEqual(before);
            return;
          }
          changed = true;
          for (const [read, input] of reads) {
            const answer = await dispatch(handlers, read, input);
            expect(answer.ok, `${read} after ${sent}: ${answer.ok ? '' : answer.error.message}`).toBe(true);
          }
        }),
        { numRuns: 10, seed: 20272, examples: everyPlace },
      );
    }
  }, 300_000);
});

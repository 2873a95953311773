import { describe, expect, it } from 'vitest';
import { RegionIndex } from '@shared/domain/regions';
import type { Cell } from '@shared/records/cell';
import { RECORD_DEFINITIONS } from '@shared/records';
import { planImport, type ArrivingSheets, type Sheet } from '@shared/records/import-plan';
import { RegionMatcher } from '@shared/records/region-match';
import { messyEntityRows } from './import-fixtures';
import { smallDoc } from './small-doc';

function context() {
  const doc = smallDoc();
  const regions = new RegionIndex(doc.regions);
  let n = 0;
  return { doc, regions, matcher: new RegionMatcher(regions, doc.regions), today: '2027-03-01', newId: (p: string) => `${p}-${++n}` };
}

type Step = { sheet: string } | { rows: Cell[][] } | 'restart';

/** Sheets that come a step at a time: each wait for more brings the next step, as the worker's messages would. */
function arriving(steps: Step[]): ArrivingSheets {
  const source = {
    sheets: [] as { name: string; rows: Cell[][] }[],
    complete: false,
    restarts: 0,
    arrival: async () => {
      const step = steps.shift();
      if (step === undefined) source.complete = true;
      else if (step === 'restart') {
        source.sheets = [];
        source.restarts++;
      } else if ('sheet' in step) source.sheets.push({ name: step.sheet, rows: [] });
      else source.sheets.at(-1)?.rows.push(...step.rows);
    },
  };
  return source;
}

/** A sheet's rows in batches of `size`. */
function batches(rows: Cell[][], size: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < rows.length; i += size) steps.push({ rows: rows.slice(i, i + size) });
  return steps;
}

const messy = messyEntityRows() as Cell[][];
/** The messy list repeated past the header scan, below a cover sheet without a header. */
const listRows: Cell[][] = [...messy, ...Array.from({ length: 40 }, (_, i) => messy.slice(3).map((row) => [i, ...row.slice(1)])).flat()];
const cover: Cell[][] = [['说明'], ['本表由各旗区填报']];
const whole: Sheet[] = [
  { name: '说明', rows: cover },
  { name: '主体', rows: listRows },
];

describe('planning an import while its sheets are still being read', () => {
  it('gives the same plan as for the whole file, whatever the batches', async () => {
    const expected = await planImport(RECORD_DEFINITIONS.entities, whole, context());
    for (const size of [1, 7, 1000]) {
      const steps: Step[] = [{ sheet: '说明' }, ...batches(cover, size), { sheet: '主体' }, ...batches(listRows, size)];
      expect(await planImport(RECORD_DEFINITIONS.entities, arriving(steps), context())).toEqual(expected);
    }
  });

  it('starts again when the reader does (what came before is void)', async () => {
    const expected = await planImport(RECORD_DEFINITIONS.entities, whole, context());
    const garbled = listRows.map((row) => row.map((cell) => (typeof cell === 'string' ? `${cell}�` : cell)));
    const steps: Step[] = [
      { sheet: '主体' },
      ...batches(garbled.slice(0, 60), 10),
      'restart',
      { sheet: '说明' },
      { rows: cover },
      { sheet: '主体' },
      ...batches(listRows, 25),
    ];
    const progress: [number, number][] = [];
    const plan = await planImport(
      RECORD_DEFINITIONS.entities,
      arriving(steps),
      context(),
      {},
      async (done, total) => void progress.push([done, total]),
    );
    expect(plan).toEqual(expected);
    expect(progress.at(-1)).toEqual([listRows.length - 3, listRows.length - 3]);
  });

  it('says when a file still being read turns out to have no data or no header', async () => {
    const empty = await planImport(RECORD_DEFINITIONS.entities, arriving([{ sheet: 'A' }, { rows: [[null], ['']] }]), context());
    expect(empty).toEqual({ ok: false, message: '文件中没有数据，请确认选择了正确的文件' });
    const noHeader = await planImport(RECORD_DEFINITIONS.entities, arriving([{ sheet: 'A' }, ...batches(cover, 1)]), context());
    expect(noHeader).toMatchObject({ ok: false, message: expect.stringMatching(/^没有找到.*表的表头行/) });
  });
});

import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { readSheets } from '../../main/server/import/read-sheets';
import { readSheetsOffThread } from '../../main/server/workers/off-thread';
import { messyEntityRows, xlsxOf } from './import-fixtures';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
/** The city's number of 主体: the size of file a clerk imports at once. */
const CITY_ROWS = 21_893;

function citySizedList(): unknown[][] {
  const header = [
    '序号',
    '主体名称',
    '主体类型',
    '包保等级',
    '所属旗区',
    '乡镇（街道）',
    '村（社区）',
    '法定代表人',
    '联系电话',
    '日管控周排查月调度',
  ];
  const rows: unknown[][] = [header];
  for (let i = 1; i <= CITY_ROWS; i++) {
    rows.push([
      i,
      `昭君第${i}号商店`,
      '个体工商户',
      'D',
      '达拉特旗',
      '昭君镇',
      '和胜村',
      '刘军',
      `1390477${String(i).padStart(4, '0')}`,
      new Date(Date.UTC(2027, 2, 1)),
    ]);
  }
  return rows;
}

describe('import preview off the main thread', () => {
  it('reads a workbook in a worker thread exactly as in the main thread, errors included', async () => {
    const file = await xlsxOf([{ name: '主体', rows: messyEntityRows(), merges: ['A1:L1', 'A2:L2'] }]);
    expect(await readSheetsOffThread('达拉特旗主体.xlsx', file)).toEqual(await readSheets('达拉特旗主体.xlsx', file));
    await expect(readSheetsOffThread('坏文件.xlsx', Buffer.from('PK\u0003\u0004 not a zip'))).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('无法读取 Excel 文件“坏文件.xlsx”'),
    });
  });

  it('keeps answering other requests while a city-sized file is previewed', { timeout: 180_000 }, async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-03-15T09:00:00Z') });
    await store.replace(smallDoc());
    const file = await xlsxOf([{ name: '主体', rows: citySizedList() }]);

    let previewDone = false;
    const preview = dispatch(handlers, 'import:preview', {
      kind: 'entities',
      fileName: '全市主体.xlsx',
      contentBase64: file.toString('base64'),
      mapping: {},
    }).then((result) => {
      previewDone = true;
      return result;
    });
    // A screen asking for app:info every 20 ms meanwhile, noting which answers came before the preview.
    const answeredDuringPreview: number[] = [];
    const asking = setInterval(() => {
      const asked = performance.now();
      void dispatch(handlers, 'app:info', {}).then((info) => {
        expect(info.ok).toBe(true);
        if (!previewDone) answeredDuringPreview.push(performance.now() - asked);
      });
    }, 20);
    const result = await preview;
    clearInterval(asking);

    if (!result.ok) throw new Error(result.error.message);
    const { counts } = result.value as Awaited<ReturnType<ApiHandlers['import:preview']>>;
    expect(counts.add + counts.reject).toBe(CITY_ROWS);
    // Reading 21,893 rows takes seconds: many answers must have come back in the meantime, promptly.
    expect(answeredDuringPreview.length).toBeGreaterThanOrEqual(10);
    expect(Math.min(...answeredDuringPreview)).toBeLessThan(100);
  });
});

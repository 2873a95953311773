import { describe, expect, it } from 'vitest';
import type { ApiResults } from '@shared/api/contract';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { csvOf } from './import-fixtures';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function handlers() {
  const services = await openServices(await newDir());
  await services.store.replace(smallDoc());
  return services.handlers;
}

/** The one reason the import preview gives for its only row. */
async function importReason(api: Awaited<ReturnType<typeof handlers>>, kind: 'entities' | 'cadres', rows: string[][]): Promise<string> {
  const result = await dispatch(api, 'import:preview', {
    kind,
    fileName: `${kind}.csv`,
    contentBase64: csvOf(rows, 'utf8').toString('base64'),
    mapping: {},
  });
  if (!result.ok) throw new Error(result.error.message);
  const reasons = (result.value as ApiResults['import:preview']).rows[0]?.reasons ?? [];
  expect(reasons).toHaveLength(1);
  return reasons[0] ?? '';
}

async function formError(
  api: Awaited<ReturnType<typeof handlers>>,
  method: 'entities:save' | 'cadres:save',
  input: object,
): Promise<string> {
  const result = await dispatch(api, method, input);
  if (result.ok) throw new Error('saved');
  return result.error.fields?.['regionId'] ?? '';
}

describe('the region-level rule is one rule: the form and the import say the same', () => {
  it('a 主体 in a whole 旗区', async () => {
    const api = await handlers();
    const form = await formError(api, 'entities:save', { name: '达拉特旗某超市', type: '企业', grade: 'C', regionId: 'dls' });
    const sheet = await importReason(api, 'entities', [
      ['主体名称', '主体类型', '包保等级', '旗区', '乡镇', '村'],
      ['达拉特旗某超市', '企业', 'C', '达拉特旗', '', ''],
    ]);
    expect(form).toBe('主体的所属区划应到乡镇（街道、苏木）或村（社区、嘎查）一级，现为旗区“达拉特旗”');
    expect(sheet).toBe(form);
  });

  it('a 村级 cadre serving a 乡镇', async () => {
    const api = await handlers();
    const form = await formError(api, 'cadres:save', {
      name: '钱多',
      unit: '昭君镇人民政府',
      position: '干事',
      level: 'village',
      regionId: 'zjz',
      phone: '13904770013',
      active: true,
    });
    const sheet = await importReason(api, 'cadres', [
      ['姓名', '工作单位', '职务', '层级', '旗区', '乡镇', '村', '联系电话', '在岗'],
      ['钱多', '昭君镇人民政府', '干事', '村级', '达拉特旗', '昭君镇', '', '13904770013', '是'],
    ]);
    expect(form).toBe('村级干部的包保区域应到村（社区、嘎查）一级，现为乡镇（街道、苏木）“昭君镇”');
    expect(sheet).toBe(form);
  });
});

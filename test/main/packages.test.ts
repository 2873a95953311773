import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import { DemoBuilder } from '@shared/demo/builder';
import { CITY_ENTITIES, ordosPlan, scaleQuota } from '@shared/demo/plans';
import type { PackageContent } from '@shared/packages/content';
import type { DataDoc } from '@shared/storage/types';
import { computeStats, type Stats } from '@shared/stats/stats';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { timed } from './cpu-time';
import { cli } from './run-cli';
import { readLibrary } from './library-files';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/**
 * A city library at a 旗区's size: 鄂尔多斯's nine 旗区 with all their 乡镇, and 2,500 主体 and 300 cadres in the
 * city demo's shape (docs/domain.md#示范数据与规模). What these tests claim holds for any city; 汇总 at the city
 * demo's full size is the benchmark's (docs/performance.md), and the full city took most of this file's
 * CPU time in its nine exports and reads. Made once per file; each test writes it into a folder of its own.
 */
let smallCityJson: string | undefined;
async function smallCityInto(dir: string): Promise<void> {
  if (smallCityJson === undefined) {
    // Today, as the demo command makes it: its plan year is the one a library made with init has.
    const now = new Date();
    const builder = new DemoBuilder(1, now, { orgName: '鄂尔多斯市市场监督管理局', orgLevel: 'city' });
    builder.addCity(ordosPlan(), scaleQuota(2_500, 300));
    smallCityJson = JSON.stringify(builder.finish('市级规模', now));
  }
  await writeFile(path.join(dir, DATA_FILE_NAME), smallCityJson);
}

async function ok(...args: string[]): Promise<string> {
  const run = await cli(...args);
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

async function readDoc(dir: string): Promise<DataDoc> {
  return readLibrary(dir);
}

/** The figures the done-when compares: 主体 by grade, cadres below 市级 by level, coverage. */
function consolidated(stats: Stats) {
  const { city: _city, ...belowCity } = stats.cadres.byLevel;
  return { entities: { total: stats.entities.total, byGrade: stats.entities.byGrade }, cadres: belowCity, coverage: stats.coverage };
}

/** Another library's package: the records changed and checksummed again, as that library would have made it. */
async function remade(bytes: Buffer, change: (content: PackageContent) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const content = JSON.parse(await zip.file('shian/content.json')!.async('string')) as PackageContent;
  change(content);
  const json = Buffer.from(JSON.stringify(content));
  const manifest = JSON.parse(await zip.file('shian/manifest.json')!.async('string')) as { sha256: string };
  zip.file('shian/content.json', json);
  zip.file('shian/manifest.json', JSON.stringify({ ...manifest, sha256: createHash('sha256').update(json).digest('hex') }));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('上报包 through the CLI (issue #19 done-when)', () => {
  it('nine 旗区 packages of a city rebuild its figures in a library made with init; again changes nothing; edited is refused; a newer one replaces only its slice; the consolidated library sends the city one level up', async () => {
    const city = await newDir();
    const consolidating = await newDir();
    const out = await newDir();
    await smallCityInto(city);
    // The exports go through the services in this process (nine CLI starts, each loading the city, add nothing to what is tested).
    const exportPackages = async (codes: readonly string[], folder: string): Promise<string[]> => {
      const { handlers, store } = await openServices(city, { lock: false });
      try {
        const regions = await handlers['regions:list']({});
        const files: string[] = [];
        for (const code of codes) {
          const made = await handlers['package:export']({ regionId: regions.find((r) => r.code === code)!.id });
          files.push(path.join(folder, `${code}.xlsx`));
          await writeFile(files.at(-1)!, Buffer.from(made.contentBase64, 'base64'));
        }
        return files;
      } finally {
        await store.close();
      }
    };
    {
      const { handlers, store } = await openServices(city);
      await handlers['visits:plan']({ year: (await readDoc(city)).profile.planYear });
      await store.close();
    }
    // The city as saved with its plan: read once, it stays so until the newer package below.
    const cityDoc = await readDoc(city);
    const planYear = cityDoc.profile.planYear;
    const counties = cityDoc.regions.filter((r) => r.level === 'county');
    expect(counties).toHaveLength(9);
    const files = await exportPackages(
      counties.map((c) => c.code),
      out,
    );
    expect(await ok('init', '--unit', '鄂尔多斯市市场监督管理局', '--data', consolidating)).toContain('已新建空白库');

    const dryRun = JSON.parse(await ok('import', 'package', ...files, '--dry-run', '--json', '--data', consolidating)) as {
      region: { code: string };
      period: number;
      kinds: { kind: string; added: number; updated: number; removed: number; unchanged: number; conflicts: string[] }[];
      conflicts: string[];
    }[];
    expect(dryRun.map((p) => p.region.code)).toEqual(counties.map((c) => c.code));
    expect(dryRun.every((p) => p.period === planYear && p.conflicts.length === 0)).toBe(true);
    const added = (kind: string) => dryRun.reduce((sum, p) => sum + (p.kinds.find((k) => k.kind === kind)?.added ?? 0), 0);
    expect(added('entities')).toBe(cityDoc.entities.length);
    expect(added('visits')).toBeGreaterThan(0);
    expect((await readDoc(consolidating)).entities).toHaveLength(0);

    // CPU time, which other work on the shared cores does not stretch as it does the wall clock.
    const consolidate = await timed(() => ok('import', 'package', ...files, '--data', consolidating));
    expect(consolidate.value).toContain('已汇总');
    console.log(
      `import of the city's nine packages: ${consolidate.wallSeconds} s wall, ${consolidate.cpuSeconds} s CPU (library load, backup and save included)`,
    );
    // The city demo's bound, 30 s for its 21,893 主体, for this library's size.
    expect(consolidate.cpuSeconds).toBeLessThan((30 * cityDoc.entities.length) / CITY_ENTITIES);

    // stats --json is computeStats over the library (main/server/handlers/stats.ts).
    const statsOf = async (dir: string, regionId = '') => computeStats(await readDoc(dir), { regionId });
    const cityStats = computeStats(cityDoc, { regionId: '' });
    // The consolidated library as the import left it: the import again and the refused one below change no byte of it.
    const sumDoc = await readDoc(consolidating);
    const sumStats = computeStats(sumDoc, { regionId: '' });
    expect(consolidated(sumStats)).toEqual(consolidated(cityStats));
    expect(sumStats.regions).toEqual(cityStats.regions);
    expect(sumStats.visits.planned).toBe(cityStats.visits.planned);
    const sumCli = JSON.parse(await ok('stats', '--json', '--region', counties[0]!.code, '--data', consolidating));
    expect(sumCli).toEqual(JSON.parse(JSON.stringify(computeStats(cityDoc, { regionId: counties[0]!.id }))));

    // The same packages again: the data file is not even rewritten.
    const dataFile = path.join(consolidating, DATA_FILE_NAME);
    const before = await sha256Of(dataFile);
    expect(await ok('import', 'package', ...files, '--data', consolidating)).toContain('都已汇总过，数据未改动');
    expect(await sha256Of(dataFile)).toBe(before);

    // Edited by hand: the records changed (checksum kept).
    const edited = path.join(out, 'edited.xlsx');
    const zip = await JSZip.loadAsync(await readFile(files[0]!));
    const text = await zip.file('shian/content.json')!.async('string');
    zip.file('shian/content.json', text.replace(cityDoc.entities.find((e) => text.includes(e.name))!.name, '改过的名称'));
    await writeFile(edited, await zip.generateAsync({ type: 'nodebuffer' }));
    const refused = await cli('import', 'package', edited, '--data', consolidating);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('上报包已被修改');
    expect(await sha256Of(dataFile)).toBe(before);

    // A newer package of 东胜区 (one 主体 renamed, one gone) replaces that slice and nothing else.
    const dongsheng = counties.find((c) => c.name === '东胜区')!;
    const cityNow = cityDoc;
    const inDongsheng = new Set(cityNow.regions.filter((r) => r.id === dongsheng.id || r.code.startsWith(dongsheng.code)).map((r) => r.id));
    const [renamed, gone] = cityNow.entities.filter((e) => inDongsheng.has(e.regionId));
    renamed!.name = `${renamed!.name}（更名）`;
    cityNow.entities = cityNow.entities.filter((e) => e.id !== gone!.id);
    cityNow.assignments = cityNow.assignments.filter((a) => a.entityId !== gone!.id);
    cityNow.visits = cityNow.visits.filter((v) => v.entityId !== gone!.id);
    await writeFile(path.join(city, DATA_FILE_NAME), JSON.stringify(cityNow));
    const [newer] = await exportPackages([dongsheng.code], await newDir());
    const preview = JSON.parse(await ok('import', 'package', newer!, '--dry-run', '--json', '--data', consolidating));
    expect(preview[0].status).toBe('newer');
    expect(preview[0].kinds.find((k: { kind: string }) => k.kind === 'entities')).toMatchObject({ added: 0, updated: 1, removed: 1 });
    const othersBefore = sumDoc.entities.filter((e) => !inDongsheng.has(e.regionId));
    await ok('import', 'package', newer!, '--data', consolidating);
    const after = await readDoc(consolidating);
    expect(after.entities.filter((e) => !inDongsheng.has(e.regionId))).toEqual(othersBefore);
    expect(after.entities.find((e) => e.id === renamed!.id)?.name).toBe(renamed!.name);
    expect(after.entities.some((e) => e.id === gone!.id)).toBe(false);
    expect(consolidated(computeStats(after, { regionId: '' }))).toEqual(consolidated(await statsOf(city)));

    // The older package of 东胜区 is refused now, unless forced.
    const olderFile = files[counties.indexOf(dongsheng)]!;
    const older = await cli('import', 'package', olderFile, '--data', consolidating);
    expect(older.code).toBe(1);
    expect(older.stdout).toContain('更早');
    expect(await ok('import', 'package', olderFile, '--force', '--data', consolidating)).toContain('已汇总');

    const received = JSON.parse(await ok('packages', '--json', '--data', consolidating));
    expect(received.areas).toHaveLength(9);
    expect(received.areas.every((a: { status: string }) => a.status === 'received')).toBe(true);
    expect(received.received).toHaveLength(11);

    // The consolidated library sends its own package one level up: the whole city as one area,
    // which an empty library (the province's) takes in with the same figures.
    const { handlers: sumHandlers, store: sumStore } = await openServices(consolidating, { lock: false });
    const up = await sumHandlers['package:export']({ regionId: '' });
    await sumStore.close();
    expect(up.region.code).toBe(cityDoc.regions.find((r) => r.level === 'city')?.code);
    const upFile = path.join(out, '鄂尔多斯市上报包.xlsx');
    await writeFile(upFile, Buffer.from(up.contentBase64, 'base64'));
    const province = await newDir();
    await ok('init', '--data', province);
    expect(await ok('import', 'package', upFile, '--data', province)).toContain('已汇总');
    expect(consolidated(await statsOf(province))).toEqual(consolidated(await statsOf(consolidating)));
  });
});

describe('上报包 conflicts and refusals', () => {
  /** 东胜区's package of the district demo: made once, the tests only read it. */
  let districtPackage: Promise<Buffer> | undefined;
  async function district(): Promise<{ pkg: Buffer }> {
    districtPackage ??= (async () => {
      const dir = await newDir();
      const { handlers, store } = await openServices(dir, { now: () => new Date('2027-02-01T09:00:00Z') });
      await handlers['app:loadDemo']({ scale: 'district', seed: 3 });
      const made = await handlers['package:export']({ regionId: '' });
      await store.close();
      expect(made.region.name).toBe('东胜区');
      return Buffer.from(made.contentBase64, 'base64');
    })();
    return { pkg: await districtPackage };
  }

  async function blank(): Promise<{ handlers: ApiHandlers; dataFile: string }> {
    const dir = await newDir();
    const { handlers } = await openServices(dir, { now: () => new Date('2027-03-01T09:00:00Z') });
    await handlers['app:createBlank']({});
    return { handlers, dataFile: path.join(dir, DATA_FILE_NAME) };
  }

  const file = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });

  it('a 旗区’s package taken into a city library that has its own data replaces that slice and keeps the 市级 cadres and what they guarantee', async () => {
    const dir = await newDir();
    await smallCityInto(dir);
    const { handlers } = await openServices(dir, { now: () => new Date('2027-02-01T09:00:00Z') });
    const before = await readDoc(dir);
    const dongsheng = before.regions.find((r) => r.level === 'county' && r.name === '东胜区')!;
    const made = await handlers['package:export']({ regionId: dongsheng.id });
    const inDongsheng = new Set(before.regions.filter((r) => r.code.startsWith(dongsheng.code)).map((r) => r.id));
    const outside = (doc: DataDoc) => doc.entities.filter((e) => !inDongsheng.has(e.regionId));
    // The 旗区 renamed one of its 主体 since.
    let renamed = '';
    const newer = await remade(Buffer.from(made.contentBase64, 'base64'), (content) => {
      const entity = content.records.entities[0]!;
      entity.name = `${entity.name}（更名）`;
      renamed = entity.id;
    });
    await handlers['package:import']({ files: [file('东胜区.xlsx', newer)], force: false });
    const after = await readDoc(dir);
    expect(after.entities.find((e) => e.id === renamed)?.name).toMatch(/（更名）$/);
    expect(outside(after)).toEqual(outside(before));
    const cityCadres = (doc: DataDoc) => new Set(doc.cadres.filter((c) => c.level === 'city').map((c) => c.id));
    expect(cityCadres(before).size).toBeGreaterThan(0);
    expect(cityCadres(after)).toEqual(cityCadres(before));
    const guaranteedByCity = (doc: DataDoc) => doc.assignments.filter((a) => cityCadres(before).has(a.cadreId));
    expect(guaranteedByCity(before).length).toBeGreaterThan(0);
    expect(guaranteedByCity(after)).toEqual(guaranteedByCity(before));
    expect(after.entities).toHaveLength(before.entities.length);
  });

  it('lists a USCC held by two 旗区, a cadre in two areas and an area outside the library, and takes nothing in', async () => {
    const { pkg } = await district();
    const { handlers, dataFile } = await blank();
    await handlers['package:import']({ files: [file('东胜区.xlsx', pkg)], force: false });
    const before = await sha256Of(dataFile);

    // 达拉特旗's package (another 旗区 of the same city) holding a 主体 and a cadre 东胜区 already has.
    const first = JSON.parse(await (await JSZip.loadAsync(pkg)).file('shian/content.json')!.async('string')) as PackageContent;
    const someEntity = first.records.entities.find((e) => e.uscc)!;
    const someCadre = first.records.cadres.find((c) => c.phone && c.level === 'village')!;
    const dalate = await remade(pkg, (content) => {
      const { records } = content;
      const county = records.regions.find((r) => r.level === 'county')!;
      Object.assign(county, { code: '150621', name: '达拉特旗' });
      content.manifest.region = { ...content.manifest.region, code: '150621', name: '达拉特旗' };
      for (const r of records.regions) if (r.level !== 'city' && r.code) r.code = `150621${r.code.slice(6)}`;
      const keep = new Set(records.entities.slice(0, 5).map((e) => e.id));
      records.entities = records.entities
        .filter((e) => keep.has(e.id))
        .map((e, i) => ({ ...e, id: `X${i}`, uscc: i === 0 ? someEntity.uscc : '' }));
      records.cadres = [{ ...someCadre, id: 'XC1' }];
      records.assignments = [];
      records.visits = [];
      records.regulators = [];
    });
    const preview = await handlers['package:preview']({ files: [file('达拉特旗.xlsx', dalate)], force: false });
    const kinds = Object.fromEntries(preview[0]!.kinds.map((k) => [k.kind, k.conflicts]));
    expect(kinds['entities']).toEqual([expect.stringContaining(`统一社会信用代码 ${someEntity.uscc}`)]);
    expect(kinds['cadres']).toEqual([expect.stringContaining(`包保干部“${someCadre.name}”`)]);
    const refused = await dispatch(handlers, 'package:import', { files: [file('达拉特旗.xlsx', dalate)] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('上报包未导入，数据未改动') } });
    expect(await sha256Of(dataFile)).toBe(before);

    // A package of another city's 旗区: not in this library's regions.
    const elsewhere = await remade(pkg, (content) => {
      for (const r of content.records.regions) {
        if (r.level === 'city') Object.assign(r, { code: '150100', name: '呼和浩特市' });
        else if (r.code) r.code = `1501${r.code.slice(4)}`;
      }
      content.manifest.region.code = '150102';
    });
    const outside = await handlers['package:preview']({ files: [file('外市.xlsx', elsewhere)], force: false });
    expect(outside[0]!.conflicts).toEqual(expect.arrayContaining([expect.stringContaining('不在本库的行政区划中')]));
    expect((await dispatch(handlers, 'package:import', { files: [file('外市.xlsx', elsewhere)] })).ok).toBe(false);
    expect(await sha256Of(dataFile)).toBe(before);
  });

  it('refuses a package Excel/WPS saved again, and a file that is no package, with one Chinese sentence', async () => {
    const { pkg } = await district();
    const { handlers, dataFile } = await blank();
    const before = await sha256Of(dataFile);
    // What a save in Excel or WPS keeps: the workbook's own parts, not the app's.
    const zip = await JSZip.loadAsync(pkg);
    for (const name of Object.keys(zip.files)) if (name.startsWith('shian/')) zip.remove(name);
    const resaved = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await dispatch(handlers, 'package:preview', { files: [file('另存.xlsx', resaved)] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('上报包已被修改（在 Excel/WPS 中打开后另存') },
    });
    expect(await dispatch(handlers, 'package:import', { files: [file('随便.xlsx', Buffer.from('not a zip'))] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不是上报包') },
    });
    expect(await sha256Of(dataFile)).toBe(before);
  });
});

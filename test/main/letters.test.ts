import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { cli } from './run-cli';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/** smallDoc with the contacts the letters print filled in, as an office does before printing. */
async function openSmall(contacts = { contactName: '赵敏', contactPhone: '0477-8581234' }) {
  const dir = await newDir();
  const services = await openServices(dir, { now: () => new Date('2027-03-01T08:00:00Z') });
  const doc = smallDoc();
  doc.profile.letter = { ...doc.profile.letter, ...contacts };
  await services.store.replace(doc);
  return { dir, ...services };
}

const NO_CONTACTS = { contactName: '', contactPhone: '' };

describe('letters:get and handbook:view', () => {
  it('merges letters for named cadres or for the active cadres of a scope', async () => {
    const { handlers, store } = await openSmall();
    const one = await handlers['letters:get']({ cadreIds: ['c1'], regionId: '' });
    expect(one.total).toBe(1);
    expect(one.letters[0]?.byGrade).toEqual({ A: 0, B: 0, C: 1, D: 0 });
    expect(one.letters[0]?.closing).toEqual([store.read()?.profile.orgName, '2027年3月1日']);

    const village = await handlers['letters:get']({ cadreIds: [], regionId: 'dls', level: 'village' });
    expect(village.letters.map((l) => l.cadreName)).toEqual(['李娜']);
    await store.update((doc) => {
      const c2 = doc.cadres.find((c) => c.id === 'c2');
      if (c2) c2.active = false;
    });
    expect((await handlers['letters:get']({ cadreIds: [], regionId: 'dls', level: 'village' })).total).toBe(0);

    const limited = await handlers['letters:get']({ cadreIds: ['c1', 'c2'], regionId: '', limit: 1 });
    expect(limited).toMatchObject({ total: 2, letters: [{ cadreId: 'c1' }] });

    expect(await dispatch(handlers, 'letters:get', { cadreIds: ['nobody'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(handlers, 'letters:get', { regionId: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('dates the letters on the chosen 成文日期, today when none is chosen', async () => {
    const { handlers } = await openSmall();
    expect(await handlers['letters:get']({ cadreIds: ['c1'], regionId: '' })).toMatchObject({
      date: '2027-03-01',
      letters: [{ closing: [expect.any(String), '2027年3月1日'] }],
    });
    const dated = await handlers['letters:get']({ cadreIds: ['c1'], regionId: '', date: '2026-12-05' });
    expect(dated).toMatchObject({ date: '2026-12-05', letters: [{ closing: [expect.any(String), '2026年12月5日'] }] });
    expect(await dispatch(handlers, 'letters:get', { cadreIds: ['c1'], date: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('没有“2026-02-30”这一天') },
    });
  });

  it('refuses letters while 设置 leaves the contacts they print empty; the 设置 preview still shows them', async () => {
    const { handlers } = await openSmall(NO_CONTACTS);
    expect(await dispatch(handlers, 'letters:get', { cadreIds: ['c1'] })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: '信中要印出的联系人和联系电话还没有填写，请到“设置 → 致包保领导的一封信”填写后再打印或导出',
      },
    });
    expect(await dispatch(handlers, 'letters:get', { regionId: 'dls', level: 'village' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    const { profile } = await handlers['profile:get']({});
    const preview = await handlers['letters:get']({ cadreIds: ['c1'], regionId: '', template: profile.letter });
    expect(preview.letters[0]?.emptyFields).toEqual(['联系人', '联系电话']);
  });

  it('serves the handbook sheets for the print view', async () => {
    const { handlers } = await openSmall();
    const book = await handlers['handbook:view']({ cadreId: 'c1' });
    expect(book.sheets.map((s) => s.sheetName)).toEqual([
      '封面',
      '工作职责',
      '责任清单',
      '任务清单',
      '督查清单',
      '督导检查要点',
      '督导计划',
      '督导记录表',
      '承诺书',
      '联系方式',
    ]);
    expect(book.sheets[2]?.rows[0]?.[1]).toBe('内蒙古食用油有限公司');
    expect(book.cadreName).toBe('张伟');
    expect(await dispatch(handlers, 'handbook:view', { cadreId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('saves the letter template and checklists, and refuses unknown merge fields leaving the file unchanged', async () => {
    const { dir, handlers } = await openSmall();
    const { profile } = await handlers['profile:get']({});
    const { importMappings: _m, exportTemplates: _t, ...values } = profile;
    const saved = await dispatch(handlers, 'profile:save', {
      ...values,
      letter: { ...values.letter, contactName: '赵敏' },
      checklistByLevel: { ...values.checklistByLevel, village: ['看证照'] },
    });
    expect(saved.ok).toBe(true);
    const before = await readFile(path.join(dir, 'data.json'), 'utf8');
    expect(JSON.parse(before).profile).toMatchObject({ letter: { contactName: '赵敏' }, checklistByLevel: { village: ['看证照'] } });

    const bad = await dispatch(handlers, 'profile:save', { ...values, letter: { ...values.letter, body: '请{姓名}于{截止日期}前完成' } });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', fields: { 'letter.body': expect.stringContaining('{截止日期}') } },
    });
    const empty = await dispatch(handlers, 'profile:save', { ...values, checklistByLevel: { ...values.checklistByLevel, city: [] } });
    expect(empty).toMatchObject({ ok: false, error: { fields: { 'checklistByLevel.city': '每个层级至少保留一条检查要点' } } });
    expect(await readFile(path.join(dir, 'data.json'), 'utf8')).toBe(before);

    // A caller that leaves the new settings out keeps what is stored.
    const { letter: _letter, checklistByLevel: _checklists, ...older } = values;
    expect(await dispatch(handlers, 'profile:save', older)).toMatchObject({ ok: true });
    expect((await handlers['profile:get']({})).profile.letter.contactName).toBe('赵敏');
  });
});

describe('CLI export letters', () => {
  it('writes one printable A4 page per cadre and a 合订本 of the scope', async () => {
    const { dir, store } = await openSmall();
    await store.close();
    const out = await newDir();
    const run = await cli('export', 'letters', '--out', out, '--region', '150621', '--data', dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const year = smallDoc().profile.planYear;
    const [li, zhang, combined] = [
      `达拉特旗-昭君街道-李娜-致包保领导的一封信-${year}.html`,
      `达拉特旗-昭君镇-张伟-致包保领导的一封信-${year}.html`,
      '致包保领导的一封信-合订本-2封.html',
    ];
    expect((await readdir(out)).sort()).toEqual([li, zhang, combined].sort());
    const zhangHtml = await readFile(path.join(out, zhang), 'utf8');
    expect(zhangHtml.match(/<article class="letter-page"/g)).toHaveLength(1);
    expect(zhangHtml).toContain('尊敬的张伟同志：');
    expect(zhangHtml).toContain('其中A级0户、B级0户、C级1户、D级0户');
    const combinedHtml = await readFile(path.join(out, combined), 'utf8');
    expect(combinedHtml.match(/<article class="letter-page"/g)).toHaveLength(2);

    const single = await newDir();
    expect((await cli('export', 'letters', '--out', single, '--cadre', 'c2', '--data', dir)).code).toBe(0);
    expect(await readdir(single)).toEqual([li]);
    // A second export into the same folder keeps the first file.
    expect((await cli('export', 'letters', '--out', single, '--cadre', 'c2', '--data', dir)).code).toBe(0);
    expect((await readdir(single)).sort()).toEqual([li, li.replace(/\.html$/, '-2.html')].sort());

    const dated = await newDir();
    expect((await cli('export', 'letters', '--out', dated, '--cadre', 'c2', '--date', '2026-12-05', '--data', dir)).code).toBe(0);
    expect(await readFile(path.join(dated, li), 'utf8')).toContain(
      '<p style="padding-right: calc(4 * var(--letter-char))">2026年12月5日</p>',
    );
    const badDate = await cli('export', 'letters', '--out', dated, '--cadre', 'c2', '--date', '2026-13-01', '--data', dir);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('没有“2026-13-01”这一天');

    const badLevel = await cli('export', 'letters', '--out', single, '--level', 'town', '--data', dir);
    expect(badLevel.code).toBe(1);
    expect(badLevel.stderr).toContain('--level 应为 city');
    const nobody = await cli('export', 'letters', '--out', single, '--region', '150621103201', '--data', dir);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('没有在岗的包保干部');
  });

  it('refuses to export letters that would print blank contacts, and writes no file', async () => {
    const { dir, store } = await openSmall(NO_CONTACTS);
    await store.close();
    const out = await newDir();
    const run = await cli('export', 'letters', '--out', out, '--region', '150621', '--data', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('错误：信中要印出的联系人和联系电话还没有填写，请到“设置 → 致包保领导的一封信”填写后再打印或导出');
    expect(await readdir(out)).toEqual([]);
  });
});

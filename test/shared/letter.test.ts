import { describe, expect, it } from 'vitest';
import { EntitySchema, ProfileSchema } from '@shared/domain/schemas';
import { buildHandbook } from '@shared/handbook/handbook';
import { BLANK, buildLetters, letterTemplateProblems, unknownFields } from '@shared/handbook/letter';
import { letterPageHtml, lettersHtmlDocument } from '@shared/handbook/letter-html';
import { DEFAULT_CHECKLISTS, DEFAULT_LETTER } from '@shared/handbook/texts';
import type { DataDoc } from '@shared/storage/types';
import { smallDoc } from '../main/small-doc';

/** smallDoc plus 主体 of every grade for 张伟 (c1), one of them no longer his. */
function docWithGrades(): DataDoc {
  const doc = smallDoc();
  const more = [
    { id: 'eA', grade: 'A' },
    { id: 'eB', grade: 'B' },
    { id: 'eC', grade: 'C' },
    { id: 'eOld', grade: 'D' },
  ] as const;
  for (const { id, grade } of more) doc.entities.push(EntitySchema.parse({ id, name: `主体${id}`, type: '企业', grade, regionId: 'hhc' }));
  for (const { id } of more) doc.assignments.push({ id: `a-${id}`, entityId: id, cadreId: 'c1', start: '2027-01-02', end: '', reason: '新建', endReason: '', manual: false });
  const old = doc.assignments.find((a) => a.entityId === 'eOld');
  if (old) old.end = '2027-01-03';
  return doc;
}

describe('致包保领导的一封信', () => {
  it('counts the current 主体 by grade and merges the level’s duties and the visits a year', () => {
    const doc = docWithGrades();
    doc.profile.visitRules.perYearByGrade = { A: 6, B: 5, C: 4, D: 4 };
    doc.profile.letter.contactName = '赵敏';
    doc.profile.letter.contactPhone = '0477-8581234';
    const c1 = doc.cadres.find((c) => c.id === 'c1');
    if (!c1) throw new Error('fixture');
    const [letter] = buildLetters(doc, [c1], '2027-03-01');
    if (!letter) throw new Error('no letter');

    // e1 (C) from smallDoc, eA, eB, eC; eOld's assignment ended.
    expect(letter.byGrade).toEqual({ A: 1, B: 1, C: 2, D: 0 });
    expect(letter.entityCount).toBe(4);
    const text = letter.paragraphs.join('\n');
    expect(text).toContain('包保鄂尔多斯市达拉特旗昭君镇食品生产经营主体4户，其中A级1户、B级1户、C级2户、D级0户');
    expect(text).toContain(`全年共${6 + 5 + 4 * 2}次`);
    expect(text).toContain(DEFAULT_LETTER.dutiesByLevel.township);
    expect(text).toContain('请联系赵敏，电话0477-8581234');
    expect(letter.greeting).toBe('尊敬的张伟同志：');
    expect(letter.closing).toEqual([doc.profile.orgName, '2027年3月1日']);
    expect(letter.fileName).toBe('达拉特旗-昭君镇-张伟-致包保领导的一封信-2027.html');
    expect(letter.unknownFields).toEqual([]);
    expect(letter.emptyFields).toEqual([]);
  });

  it('reports unknown merge fields and prints them as written', () => {
    const doc = smallDoc();
    doc.profile.letter.body = '请{姓名}同志按{职位}要求，于{截止日期}前完成；{职位}不变。';
    const [letter] = buildLetters(doc, doc.cadres.slice(0, 1), '2027-03-01');
    expect(letter?.unknownFields).toEqual(['职位', '截止日期']);
    expect(letter?.paragraphs).toEqual(['请张伟同志按{职位}要求，于{截止日期}前完成；{职位}不变。']);
    expect(unknownFields('{姓名}{A级数}{日期}')).toEqual([]);
    const problems = letterTemplateProblems(doc.profile.letter);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.key).toBe('body');
    expect(problems[0]?.message).toContain('{职位} {截止日期}');
  });

  it('prints empty values as a blank to fill in and names them', () => {
    const doc = smallDoc();
    doc.profile.letter.signOrg = '';
    doc.profile.letter.body = '{职务}{单位}，联系人{联系人}（{联系电话}）';
    const [letter] = buildLetters(doc, doc.cadres.slice(0, 1), '2027-03-01');
    expect(letter?.paragraphs).toEqual([`${BLANK}${BLANK}，联系人${BLANK}（${BLANK}）`]);
    expect(letter?.emptyFields).toEqual(['职务', '单位', '联系人', '联系电话']);
    // An empty 落款单位 falls back to the office's name.
    expect(letter?.closing[0]).toBe(doc.profile.orgName);
  });

  it('gives a cadre without 主体 zeros, and escapes what users typed in the HTML', () => {
    const doc = smallDoc();
    const c2 = doc.cadres.find((c) => c.id === 'c2');
    if (!c2) throw new Error('fixture');
    c2.name = '李<b>娜</b>';
    const [letter] = buildLetters(doc, [c2], '2027-03-01');
    if (!letter) throw new Error('no letter');
    expect(letter.byGrade).toEqual({ A: 0, B: 0, C: 0, D: 0 });
    const html = letterPageHtml(letter);
    expect(html).toContain('尊敬的李&lt;b&gt;娜&lt;/b&gt;同志：');
    expect(html).not.toContain('<b>');
    const file = lettersHtmlDocument([letter, letter], '合订本');
    expect(file.match(/<article class="letter-page"/g)).toHaveLength(2);
    expect(file).toContain('size: A4 portrait');
  });
});

describe('policy profile: letter template and 督查清单', () => {
  it('gives a profile saved before these settings existed the defaults', () => {
    const profile = ProfileSchema.parse({ orgName: '某市市场监督管理局' });
    expect(profile.letter.body).toBe(DEFAULT_LETTER.body);
    expect(profile.letter.dutiesByLevel.village).toBe(DEFAULT_LETTER.dutiesByLevel.village);
    expect(profile.checklistByLevel.township).toEqual(DEFAULT_CHECKLISTS.township);
  });

  it('prints the level’s checklist from the profile and this year’s 承诺书 date in the handbook', () => {
    const doc = smallDoc();
    doc.profile.planYear = 2027;
    doc.profile.checklistByLevel.township = ['看证照', '看台账'];
    const c1 = doc.cadres.find((c) => c.id === 'c1');
    if (!c1) throw new Error('fixture');
    c1.commitments = [{ year: 2026, signedOn: '2026-02-01' }, { year: 2027, signedOn: '2027-02-14' }];
    const sheets = buildHandbook(doc, c1, '2027-03-01').sheets;
    expect(sheets.find((s) => s.sheetName === '督查清单')?.rows).toEqual([
      [1, '看证照'],
      [2, '看台账'],
    ]);
    const commitment = sheets.find((s) => s.sheetName === '承诺书')?.rows ?? [];
    expect(String(commitment.at(-1)?.[0])).toContain('2027年2月14日');
    c1.commitments = [];
    const unsigned = buildHandbook(doc, c1, '2027-03-01').sheets.find((s) => s.sheetName === '承诺书')?.rows ?? [];
    expect(String(unsigned.at(-1)?.[0])).toContain('年　　月　　日');
  });
});

import { describe, expect, it } from 'vitest';
import { EntitySchema, ProfileSchema } from '@shared/domain/schemas';
import { buildHandbook } from '@shared/handbook/handbook';
import { BLANK, buildLetters, letterContactProblem, letterTemplateProblems, unknownFields } from '@shared/handbook/letter';
import { closingRightSpace, letterPageHtml, lettersHtmlDocument } from '@shared/handbook/letter-html';
import { DEFAULT_CHECKLISTS, DEFAULT_INSPECTION_ITEMS, DEFAULT_LETTER } from '@shared/handbook/texts';
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
  for (const { id } of more)
    doc.assignments.push({
      id: `a-${id}`,
      entityId: id,
      cadreId: 'c1',
      start: '2027-01-02',
      end: '',
      reason: '新建',
      endReason: '',
      manual: false,
    });
  const old = doc.assignments.find((a) => a.entityId === 'eOld');
  if (old) old.end = '2027-01-03';
  return doc;
}

describe('致包保领导的一封信', () => {
  it('counts the current 主体 by grade and merges the level’s duties and, before the year’s plan, the visits the rules ask for', () => {
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
    expect(text).toContain('包保鄂尔多斯市达拉特旗昭君镇食品生产经营主体4户，其中A级1户、B级1户、C级2户、D级0户。');
    expect(text).toContain(`全年共${6 + 5 + 4 * 2}次`);
    expect(text).toContain(DEFAULT_LETTER.dutiesByLevel.township);
    expect(text).toContain('请联系赵敏，电话0477-8581234');
    expect(letter.greeting).toBe('尊敬的张伟同志：');
    // The 成文日期 is the date given, written as a 公文 dates itself.
    expect(letter.closing).toEqual([doc.profile.orgName, '2027年3月1日']);
    expect(buildLetters(doc, [c1], '2026-12-05')[0]?.closing.at(-1)).toBe('2026年12月5日');
    expect(letter.fileName).toBe('达拉特旗-昭君镇-张伟-致包保领导的一封信-2027.html');
    expect(letter.unknownFields).toEqual([]);
    expect(letter.emptyFields).toEqual([]);
  });

  it('tells a namesake filed in the same 乡镇 apart by 单位 in the file name, as the handbook does', () => {
    const doc = docWithGrades();
    const c1 = doc.cadres.find((c) => c.id === 'c1');
    if (!c1) throw new Error('fixture');
    const twin = { ...c1, id: 'c1-twin', unit: '昭君镇人民政府' };
    doc.cadres.push(twin);
    const [letter] = buildLetters(doc, [twin], '2027-03-01');
    expect(letter?.fileName).toBe('达拉特旗-昭君镇-张伟（昭君镇人民政府）-致包保领导的一封信-2027.html');
  });

  it('takes the visits a year from the year’s plan, as the handbook counts them', () => {
    const doc = docWithGrades();
    doc.profile.planYear = 2027;
    const c1 = doc.cadres.find((c) => c.id === 'c1');
    if (!c1) throw new Error('fixture');
    const visit = (id: string, entityId: string, plannedDate: string, cadreId = 'c1') => ({
      id,
      entityId,
      cadreId,
      plannedDate,
      checklist: [],
      problems: [],
      notes: '',
    });
    doc.visits = [
      // Three planned (one done) for his current 主体 …
      visit('v1', 'eA', '2027-02-01'),
      { ...visit('v2', 'eA', '2027-05-01'), doneDate: '2027-05-02' },
      visit('v3', 'eC', '2027-08-01'),
      // … not one for a 主体 no longer his, another year's or another cadre's.
      visit('v4', 'eOld', '2027-03-01'),
      visit('v5', 'eA', '2028-02-01'),
      visit('v6', 'eB', '2027-02-01', 'c2'),
    ];
    const [letter] = buildLetters(doc, [c1], '2027-03-01');
    expect(letter?.paragraphs.join('\n')).toContain('全年共3次');
    expect(buildHandbook(doc, c1, '2027-03-01').sheets.find((s) => s.sheetName === '督导计划')?.rows).toHaveLength(3);
    // A year with a plan gives a cadre it left out 0, not the rules' figure.
    doc.visits = doc.visits.filter((v) => v.cadreId === 'c2');
    expect(buildLetters(doc, [c1], '2027-03-01')[0]?.paragraphs.join('\n')).toContain('全年共0次');
  });

  it('refuses letters that would print blank contacts, but only for the contacts the template prints', () => {
    const doc = smallDoc();
    const template = doc.profile.letter;
    expect(letterContactProblem(template)).toBe(
      '信中要印出的联系人和联系电话还没有填写，请到“设置 → 致包保领导的一封信”填写后再打印或导出',
    );
    expect(letterContactProblem({ ...template, contactName: '赵敏' })).toContain('信中要印出的联系电话还没有填写');
    expect(letterContactProblem({ ...template, contactName: '赵敏', contactPhone: ' ' })).toContain('联系电话还没有填写');
    expect(letterContactProblem({ ...template, contactName: '赵敏', contactPhone: '0477-8581234' })).toBe('');
    expect(letterContactProblem({ ...template, body: '请{姓名}同志按时督导。' })).toBe('');
  });

  it('places the 成文日期 右空四字 and centres the 署名 on it (GB/T 9704 §7.3.5.1)', () => {
    // 2027年3月1日 sets 6 characters wide (figures are half a character).
    expect(closingRightSpace(['某局', '2027年3月1日'])).toEqual([6, 4]);
    expect(closingRightSpace(['鄂尔多斯市市场监督管理局', '2027年3月1日'])).toEqual([1, 4]);
    // A 署名 wider than that ends at the 版心's edge and the date moves left with it.
    expect(closingRightSpace(['鄂尔多斯市准格尔旗市场监督管理局', '2027年3月1日'])).toEqual([0, 5]);
    expect(closingRightSpace(['2027年3月1日'])).toEqual([4]);
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
    // GB/T 9704 margins in the page's own @page rule, and boxes of its own in the top and bottom
    // margins: Chrome and Edge print their header and footer only where a page leaves them room.
    expect(file).toContain('size: A4 portrait; margin: 37mm 26mm 35mm 28mm;');
    expect(file).toMatch(/@top-center \{ content: ''; \}/);
    expect(file).toMatch(/@bottom-right \{ content: '— ' counter\(page\) ' —';/);
  });
});

describe('policy profile: letter template, 督导检查要点 and 督查清单', () => {
  it('gives a profile saved before these settings existed the defaults', () => {
    const profile = ProfileSchema.parse({ orgName: '某市市场监督管理局' });
    expect(profile.letter.body).toBe(DEFAULT_LETTER.body);
    expect(profile.letter.dutiesByLevel.village).toBe(DEFAULT_LETTER.dutiesByLevel.village);
    expect(profile.checklistByLevel.township).toEqual(DEFAULT_CHECKLISTS.township);
    expect(profile.inspectionItems).toEqual(DEFAULT_INSPECTION_ITEMS);
  });

  it('prints the level’s 督导检查要点, the 督查清单 to be checked against and this year’s 承诺书 date in the handbook', () => {
    const doc = smallDoc();
    doc.profile.planYear = 2027;
    doc.profile.checklistByLevel.township = ['看证照', '看台账'];
    doc.profile.inspectionItems = ['责任清单：按计划督导', '任务清单·加强宣传培训：参加培训'];
    const c1 = doc.cadres.find((c) => c.id === 'c1');
    if (!c1) throw new Error('fixture');
    c1.commitments = [
      { year: 2026, signedOn: '2026-02-01' },
      { year: 2027, signedOn: '2027-02-14' },
    ];
    const sheets = buildHandbook(doc, c1, '2027-03-01').sheets;
    expect(sheets.find((s) => s.sheetName === '督导检查要点')).toMatchObject({
      title: '督导检查要点（乡镇级）',
      rows: [
        [1, '看证照'],
        [2, '看台账'],
      ],
    });
    // The 督查组 mark each item 落实/未落实 on the printed 督查清单 (a drop-down in the workbook).
    const inspection = sheets.find((s) => s.sheetName === '督查清单');
    expect(inspection?.title).toBe('督查清单');
    expect(inspection?.columns.map((c) => [c.label, c.choices ?? null])).toEqual([
      ['序号', null],
      ['督查事项', null],
      ['落实情况', ['落实', '未落实']],
      ['说明', null],
    ]);
    expect(inspection?.rows).toEqual([
      [1, '责任清单：按计划督导', null, null],
      [2, '任务清单·加强宣传培训：参加培训', null, null],
    ]);
    const commitment = sheets.find((s) => s.sheetName === '承诺书')?.closing ?? [];
    expect(commitment.at(-1)).toContain('2027年2月14日');
    c1.commitments = [];
    const unsigned = buildHandbook(doc, c1, '2027-03-01').sheets.find((s) => s.sheetName === '承诺书')?.closing ?? [];
    expect(unsigned.at(-1)).toContain('年　　月　　日');
  });
});

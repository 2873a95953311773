import { describe, expect, it } from 'vitest';
import { displayText, fileNameText, textProblem } from '@shared/domain/text';

describe('the text rule', () => {
  it('takes ordinary Chinese and Latin text, inner zero-width joiners and, in multi-line text, line feeds and tabs', () => {
    for (const text of ['内蒙古食用油有限公司', 'Zhang Wei 张伟', '', '👨\u200d👩\u200d👧 家庭餐馆', '“引号”（括号）'])
      expect(textProblem(text, '名称')).toBeNull();
    expect(textProblem('第一行\n\t第二行', '备注', 'multi')).toBeNull();
  });

  it('refuses C0 and C1 controls, DEL, bidi controls and invisible-only text, naming the field and what to do', () => {
    for (const control of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b']) {
      expect(textProblem(`张${control}伟`, '姓名')).toBe('姓名含有不可见的控制字符，请删除后重新输入');
      expect(textProblem(`张${control}伟`, '备注', 'multi')).toBe('备注含有不可见的控制字符，请删除后重新输入');
    }
    for (const bidi of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ]) {
      expect(textProblem(`张${bidi}伟`, '姓名')).toBe('姓名含有改变文字方向的不可见字符，请删除后重新输入');
    }
    for (const invisible of ['\u200b', '\u200c\u200d', '\u2060', '\ufeff', ' \u3000 ', '\u200b\n']) {
      expect(textProblem(invisible, '地址', 'multi')).not.toBeNull();
    }
    expect(textProblem('\u200b\u2060', '地址')).toBe('地址只有空白或不可见的字符，请删除后重新输入');
  });

  it('says a one-line field cannot hold line breaks or tabs, and a multi-line one keeps only line feeds', () => {
    expect(textProblem('张\n伟', '姓名')).toBe('姓名不能换行或含有制表符，请改为一行后重新输入');
    expect(textProblem('张\t伟', '姓名')).toBe('姓名不能换行或含有制表符，请改为一行后重新输入');
    expect(textProblem('张\r\n伟', '姓名')).toBe('姓名不能换行或含有制表符，请改为一行后重新输入');
    expect(textProblem('第一行\r\n第二行', '备注', 'multi')).toBe('备注含有不可见的控制字符，请删除后重新输入');
  });

  it('leaves in a file name what the rule and Windows accept, dropping whole escape sequences', () => {
    expect(fileNameText('\u001b[1;31m张伟\u001b[0m')).toBe('张伟');
    expect(fileNameText('达拉特旗\u202e/昭君镇:\u0000手册?')).toBe('达拉特旗昭君镇手册');
  });

  it('shows stored text on a terminal without escape sequences or invisible controls, keeping what is printable', () => {
    expect(displayText('\u001b[1;31m张伟\u001b[0m')).toBe('张伟');
    expect(displayText('达拉特旗\u202e/昭君镇:\u0000')).toBe('达拉特旗/昭君镇:');
  });
});

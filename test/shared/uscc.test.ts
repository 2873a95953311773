import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheckChar, USCC_ALPHABET } from '@shared/domain/uscc';
import { classifyLicense } from '@shared/domain/license';
import { checkPhone } from '@shared/domain/phone';
import { toHalfWidth } from '@shared/domain/normalize';

// Codes as printed on real business licences (an independent source for the check character).
const VALID = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T', '911100001000044477'];

describe('统一社会信用代码 check (GB 32100-2015)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  it('computes the check character from the first 17 characters', () => {
    for (const code of VALID) expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('rejects a wrong check character and names the expected one', () => {
    const result = checkUscc('91350100M000100Y44');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('末位应为“3”') });
  });

  it('normalises lower case, full width and spaces before checking', () => {
    expect(checkUscc('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(checkUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(checkUscc(' 9135 0100M000100Y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('rejects wrong lengths and letters outside the alphabet with Chinese messages', () => {
    expect(checkUscc('9135010')).toEqual({ ok: false, message: expect.stringContaining('应为18位，当前为7位') });
    const withI = `91350100I000100Y4`;
    expect(checkUscc(withI + usccCheckChar('91350100A000100Y4'))).toEqual({
      ok: false,
      message: expect.stringContaining('不允许的字符“I”'),
    });
  });

  it('finds every single-character substitution', () => {
    const code = VALID[0] ?? '';
    for (let i = 0; i < 18; i++) {
      const replacement = [...USCC_ALPHABET].find((ch) => ch !== code[i]) ?? '0';
      const changed = code.slice(0, i) + replacement + code.slice(i + 1);
      expect(checkUscc(changed).ok).toBe(false);
    }
  });
});

describe('licence numbers, phones, normalisation', () => {
  it('classifies SC and JY licences and warns on other shapes', () => {
    expect(classifyLicense('sc10615060200017')).toEqual({ value: 'SC10615060200017', kind: '食品生产许可证' });
    expect(classifyLicense('ＪＹ１１５０６０２００００１２３')).toEqual({ value: 'JY11506020000123', kind: '食品经营许可证' });
    expect(classifyLicense('JY1150602').warning).toContain('应为 SC 或 JY 加14位数字');
    expect(classifyLicense('蒙食摊登字〔2027〕第1506021234号')).toEqual({ value: '蒙食摊登字〔2027〕第1506021234号', kind: '登记或备案' });
    expect(classifyLicense('YB11506023119224')).toEqual({ value: 'YB11506023119224', kind: '登记或备案' });
    expect(classifyLicense('NO-123').warning).toContain('不是常见的 SC/JY 格式');
  });

  it('accepts mobiles and landlines, rejects the rest with a hint', () => {
    expect(checkPhone('13904771234')).toEqual({ ok: true, value: '13904771234' });
    expect(checkPhone('０４７７－８５８１２３４')).toEqual({ ok: true, value: '0477-8581234' });
    expect(checkPhone('12345')).toEqual({ ok: false, message: expect.stringContaining('11位手机号') });
  });

  it('turns full-width text into half width', () => {
    expect(toHalfWidth('　ＡＢＣ１２３－　')).toBe('ABC123-');
  });
});

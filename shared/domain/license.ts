import { normalizeCode } from './normalize';

export type LicenseKind = '食品生产许可证' | '食品经营许可证' | '登记或备案' | '其他';

/**
 * 许可证编号: SC+14 digits (生产) and JY+14 digits (经营) have a fixed shape; 备案 and 登记
 * numbers for 仅销售预包装食品, 小作坊 and 小摊贩 vary by province, so they are kept as text
 * with a warning instead of being rejected.
 */
export function classifyLicense(raw: string): { value: string; kind: LicenseKind; warning?: string } {
  const value = normalizeCode(raw);
  if (/^SC\d{14}$/.test(value)) return { value, kind: '食品生产许可证' };
  if (/^JY\d{14}$/.test(value)) return { value, kind: '食品经营许可证' };
  if (/^(SC|JY)/.test(value)) {
    // 小作坊登记证, 食品摊贩登记卡 and 仅销售预包装食品备案 numbers say what they are in words.
    if (/^YB\d{14}$/.test(value) || /登字|备字|登记|备案/.test(value)) return { value, kind: '登记或备案' };
    return { value, kind: '其他', warning: `许可证编号“${value}”应为 SC 或 JY 加14位数字，请核对` };
  }
  // 小作坊登记证, 食品摊贩登记卡 and 仅销售预包装食品备案 numbers say what they are in words.
  if (/^YB\d{14}$/.test(value) || /登字|备字|登记|备案/.test(value)) return { value, kind: '登记或备案' };
  return { value, kind: '其他', warning: `许可证编号“${value}”不是常见的 SC/JY 格式，已按备案或登记编号保存` };
}

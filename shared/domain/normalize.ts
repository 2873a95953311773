/** Full-width ASCII (Ａ１－) and the ideographic space become their half-width forms; ends are trimmed. */
export function toHalfWidth(text: string): string {
  // Most cells are plain already; skip the replacements for them (imports call this per cell).
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text.trim();
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

/** For codes and phone numbers: half-width, no inner spaces, upper case. */
export function normalizeCode(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
}

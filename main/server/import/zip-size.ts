const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
/** A 16- or 32-bit field holding this says the real value is in the ZIP64 records. */
const IN_ZIP64_16 = 0xffff;
const IN_ZIP64_32 = 0xffffffff;

/**
 * What a zip's central directory says its entries unpack to, in bytes, read before anything is
 * inflated (a zip bomb claims gigabytes here); null when there is no readable directory (not a
 * zip, or a damaged or cut-off one).
 */
export function claimedUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fits = (at: number, length: number): boolean => at >= 0 && at + length <= bytes.length;
  // The end record is the last 22 bytes, before a comment of up to 65,535 bytes.
  const first = Math.max(0, bytes.length - 22 - 0xffff);
  let end = bytes.length - 22;
  while (end >= first && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < first) return null;
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === IN_ZIP64_16 || at === IN_ZIP64_32) {
    const locator = end - 20;
    if (!fits(locator, 20) || view.getUint32(locator, true) !== ZIP64_LOCATOR) return null;
    const end64 = Number(view.getBigUint64(locator + 8, true));
    if (!fits(end64, 56) || view.getUint32(end64, true) !== ZIP64_END_OF_DIRECTORY) return null;
    count = Number(view.getBigUint64(end64 + 32, true));
    at = Number(view.getBigUint64(end64 + 48, true));
  }
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (!fits(at, 46) || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let size = view.getUint32(at + 24, true);
    if (size === IN_ZIP64_32) {
      // The ZIP64 extra field's first value is the unpacked size when its 32-bit field is full.
      const extraEnd = at + 46 + nameLength + extraLength;
      let field = at + 46 + nameLength;
      while (field + 4 <= extraEnd && view.getUint16(field, true) !== ZIP64_EXTRA) field += 4 + view.getUint16(field + 2, true);
      if (field + 12 > extraEnd || !fits(field, 12)) return null;
      size = Number(view.getBigUint64(field + 4, true));
    }
    total += size;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return total;
}

/** Records per JSON.stringify call for the document's top-level lists. */
const RECORDS_PER_SLICE = 64;
/** UTF-8 is filled into blocks of this size (a bigger piece gets a block of its own). */
const BLOCK_BYTES = 4 * 1024 * 1024;
/** One UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;
const COMMA = 0x2c;

/**
 * `JSON.stringify(doc)` as UTF-8 bytes — the same bytes — in a few blocks, for a large document
 * whose top-level values are mostly long lists of records (the library).
 *
 * Why not stringify once: V8 returns one big string made of many parts, and turning it into bytes
 * first copies it into a single flat string (~100 ms for a city library) and then encodes it. Here
 * each top-level list is stringified a slice of records at a time and each small string is encoded
 * straight into the output, so no big string is ever built: a city save takes about two thirds of
 * the time of stringify + write. With `ascii`, the characters beyond ASCII are escaped (asciiJson).
 */
export function jsonBytes(doc: object, options: { readonly ascii?: boolean } = {}): Uint8Array[] {
  const out = new BlockWriter(options.ascii === true);
  let first = true;
  out.put('{');
  for (const [key, value] of Object.entries(doc)) {
    // What JSON.stringify leaves out of an object.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    out.put(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (!Array.isArray(value) || value.length <= RECORDS_PER_SLICE) {
      out.put(JSON.stringify(value));
      continue;
    }
    for (let i = 0; i < value.length; i += RECORDS_PER_SLICE) {
      // "[a,b]" of each slice: the opening bracket becomes the comma between slices and the
      // closing one is dropped, until the list's own "]".
      const start = out.put(JSON.stringify(value.slice(i, i + RECORDS_PER_SLICE)));
      if (i > 0) start.block[start.offset] = COMMA;
      out.unput(1);
    }
    out.put(']');
  }
  out.put('}');
  return out.finish();
}

/**
 * JSON text with every character beyond ASCII written as its `\uXXXX` escape: the same value, in
 * bytes that read as a one-byte string. A year file of visits is ASCII but for a few words (现场, a
 * problem's text), and one such character makes Node decode the whole file the slow way and V8 hold
 * and parse it as two-byte text: for the plan year's 16 MB at `cityInUse`, decoding 125 → 64 ms and
 * parsing 210 → 180 ms (docs/performance.md).
 */
export function asciiJson(json: string): string {
  return json.replace(NOT_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NOT_ASCII = /[\u0080-\uffff]/g;

class BlockWriter {
  private readonly encoder = new TextEncoder();
  private readonly done: Uint8Array[] = [];
  private block = new Uint8Array(0);
  private used = 0;

  constructor(private readonly ascii: boolean) {}

  /** Appends the text's UTF-8 (escaped to ASCII when asked) and says where it starts. */
  put(json: string): { block: Uint8Array; offset: number } {
    const text = this.ascii ? asciiJson(json) : json;
    const room = text.length * MAX_BYTES_PER_UNIT;
    if (this.block.length - this.used < room) {
      if (this.used > 0) this.done.push(this.block.subarray(0, this.used));
      // Uninitialised memory is fine: only the bytes written are ever handed out.
      this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, room));
      this.used = 0;
    }
    const offset = this.used;
    const { read, written } = this.encoder.encodeInto(text, this.block.subarray(offset));
    if (read !== text.length) throw new Error('JSON 编码时空间不足');
    this.used += written;
    return { block: this.block, offset };
  }

  /** Drops the last `count` bytes (ASCII just written by put). */
  unput(count: number): void {
    this.used -= count;
  }

  finish(): Uint8Array[] {
    if (this.used > 0) this.done.push(this.block.subarray(0, this.used));
    return this.done;
  }
}

/**
 * A CSV tokenizer over UTF-8 bytes that splits rows and fields exactly as `scanCsvRecords` (papaparse's
 * parser, comma delimiter, `"` quotes) does, but hands each row over as byte spans in reused arrays:
 * no string, array or object per row. The rules, papaparse's to the letter:
 *
 * - The line ending is the one of the file's first line feed: CRLF when a carriage return precedes it,
 *   else LF; the other one is ordinary text (in CRLF files a lone LF belongs to its field).
 * - A field is quoted when its first character is `"`. Its closing quote is a `"` not doubled and
 *   followed by a comma or a line ending, with only whitespace (as `String.prototype.trim` counts it)
 *   between; `""` inside stands for `"`. Any other `"` is "invalid quoting", kept in the field, and the
 *   search goes on. A quote that never closes ("missing quotes") takes the rest of the file, undoubled.
 *   A `"` that is the very last byte of the file closes the field.
 * - A `"` inside an unquoted field is ordinary text.
 */

/** Which line ending ends a row. */
export type CsvNewline = 'lf' | 'crlf';

/** The first quoting problem of a row, as papaparse names it. */
export type QuotingError = 'MissingQuotes' | 'InvalidQuotes';

/** What a field's span holds: its text as is, or a quoted field's text with `""` still doubled. */
export const FIELD_PLAIN = 0;
export const FIELD_DOUBLED_QUOTES = 1;

/** One row as spans of `bytes`; every array is reused for the next row. */
export interface CsvByteRow {
  bytes: Uint8Array;
  /** Number of fields. */
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** {@link FIELD_PLAIN} or {@link FIELD_DOUBLED_QUOTES}, per field. */
  kinds: Uint8Array;
  /** The row's first quoting problem, if any. */
  quoting: QuotingError | undefined;
  /** Offset of the row's first byte from the start of the input (after a byte order mark). */
  offset: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const NEED_MORE = -1;
const EMPTY = new Uint8Array(0);

/**
 * Feeds byte chunks and calls `visit` with each complete row, in order; `visit` returns `false` to stop.
 * A row cut by a chunk boundary is kept (its bytes only) until the next chunk completes it.
 */
export class CsvByteRows {
  private readonly row: CsvByteRow = {
    bytes: EMPTY,
    count: 0,
    starts: new Int32Array(32),
    ends: new Int32Array(32),
    kinds: new Uint8Array(32),
    quoting: undefined,
    offset: 0,
  };
  private pending: Uint8Array = EMPTY;
  /** Bytes of `pending` that are data (the rest is room to grow). */
  private pendingLength = 0;
  /** Input offset of `pending[0]`. */
  private base = 0;
  private crlf: boolean | undefined;
  private bomChecked: boolean;
  private stopped = false;
  /** Skip re-scanning an unfinished row until the buffer has doubled: keeps a huge field linear. */
  private rescanAt = 0;

  /**
   * @param stopAt stop before a row that starts at this input offset (a part of a split file); a row
   *   running past it is read to its end and {@link overran} is set, and reading goes on to the end.
   */
  constructor(
    private readonly visit: (row: CsvByteRow) => boolean,
    options: { newline?: CsvNewline; skipByteOrderMark?: boolean; stopAt?: number } = {},
  ) {
    this.crlf = options.newline === undefined ? undefined : options.newline === 'crlf';
    this.bomChecked = !(options.skipByteOrderMark ?? true);
    this.stopAt = options.stopAt ?? Number.POSITIVE_INFINITY;
  }

  private stopAt: number;
  /** Whether a row ran past `stopAt`: the next part's start was not a row boundary. */
  overran = false;

  /** The line ending, once known. */
  get newline(): CsvNewline | undefined {
    return this.crlf === undefined ? undefined : this.crlf ? 'crlf' : 'lf';
  }

  /** Input offset where the next row starts (the end of the last row handed over). */
  get consumed(): number {
    return this.base;
  }

  /** Whether `visit` asked to stop, or `stopAt` was reached. */
  get done(): boolean {
    return this.stopped;
  }

  /** Adds a chunk and hands over the rows it completes. Returns `false` once stopped. */
  push(chunk: Uint8Array): boolean {
    if (this.stopped) return false;
    this.append(chunk);
    if (!this.bomChecked) {
      if (this.pendingLength < 3) return this.keepPending(chunk);
      this.dropByteOrderMark();
    }
    if (this.crlf === undefined) {
      const lf = this.pending.subarray(0, this.pendingLength).indexOf(LF);
      if (lf === -1) return this.keepPending(chunk);
      this.crlf = lf > 0 && this.pending[lf - 1] === CR;
    }
    if (this.pendingLength < this.rescanAt) return true;
    this.scan(false);
    return !this.stopped;
  }

  /** Copies the pending bytes when they are still the caller's chunk, which the caller may reuse. */
  private keepPending(chunk: Uint8Array): boolean {
    if (this.pending.buffer === chunk.buffer) {
      const own = new Uint8Array(Math.max(this.pendingLength * 2, 1 << 16));
      own.set(this.pending.subarray(0, this.pendingLength));
      this.pending = own;
    }
    return true;
  }

  /** Ends the input: the last row, if it has no line ending, is handed over. */
  end(): void {
    if (this.stopped) return;
    if (!this.bomChecked) this.dropByteOrderMark();
    if (this.crlf === undefined) {
      const lf = this.pending.subarray(0, this.pendingLength).indexOf(LF);
      this.crlf = lf > 0 && this.pending[lf - 1] === CR;
    }
    this.scan(true);
  }

  private dropByteOrderMark(): void {
    this.bomChecked = true;
    const p = this.pending;
    if (this.pendingLength >= 3 && p[0] === 0xef && p[1] === 0xbb && p[2] === 0xbf) {
      this.pending = p.subarray(3);
      this.pendingLength -= 3;
    }
  }

  private append(chunk: Uint8Array): void {
    if (this.pendingLength === 0) {
      // The usual case: parse the chunk where it lies.
      this.pending = chunk;
      this.pendingLength = chunk.length;
      return;
    }
    const needed = this.pendingLength + chunk.length;
    let target = this.pending;
    if (target.byteOffset !== 0 || target.length < needed || target.buffer.byteLength !== target.length) {
      target = new Uint8Array(Math.max(needed, this.pendingLength * 2));
      target.set(this.pending.subarray(0, this.pendingLength));
    }
    target.set(chunk, this.pendingLength);
    this.pending = target;
    this.pendingLength = needed;
  }

  private scan(eof: boolean): void {
    const bytes = this.pending;
    const length = this.pendingLength;
    const row = this.row;
    row.bytes = bytes;
    let at = 0;
    while (at < length) {
      if (this.base + at === this.stopAt) {
        this.stopped = true;
        break;
      }
      const end = this.readRow(bytes, at, length, eof);
      if (end === NEED_MORE) break;
      row.offset = this.base + at;
      at = end;
      if (this.base + at > this.stopAt) {
        this.overran = true;
        this.stopAt = Number.POSITIVE_INFINITY;
      }
      if (!this.visit(row)) {
        this.stopped = true;
        break;
      }
    }
    this.base += at;
    if (this.base === this.stopAt) this.stopped = true;
    if (this.stopped || at === length) {
      this.pending = EMPTY;
      this.pendingLength = 0;
      this.rescanAt = 0;
      return;
    }
    // Keep the unfinished row, in a buffer of its own (the chunk it lies in may be reused by the caller).
    const rest = length - at;
    const kept = new Uint8Array(Math.max(rest * 2, 1 << 16));
    kept.set(bytes.subarray(at, length));
    this.pending = kept;
    this.pendingLength = rest;
    this.rescanAt = at === 0 ? rest * 2 : 0;
  }

  /** Reads the row at `start`; returns where the next one starts, or NEED_MORE. */
  private readRow(bytes: Uint8Array, start: number, length: number, eof: boolean): number {
    const row = this.row;
    const crlf = this.crlf === true;
    row.count = 0;
    row.quoting = undefined;
    let at = start;
    for (;;) {
      if (at < length && bytes[at] === QUOTE) {
        const open = at + 1;
        let search = at;
        for (;;) {
          const close = bytes.indexOf(QUOTE, search + 1);
          if (close === -1 || close >= length) {
            if (!eof) return NEED_MORE;
            row.quoting ??= 'MissingQuotes';
            this.field(open, length, FIELD_PLAIN);
            return length;
          }
          if (close === length - 1) {
            if (!eof) return NEED_MORE;
            this.field(open, close, FIELD_DOUBLED_QUOTES);
            return length;
          }
          if (bytes[close + 1] === QUOTE) {
            search = close + 1;
            continue;
          }
          const next = afterClosingQuote(bytes, close + 1, length, eof, crlf);
          if (next === NEED_MORE) return NEED_MORE;
          if (next >= 0) {
            this.field(open, close, FIELD_DOUBLED_QUOTES);
            at = next + 1; // past the comma
            break;
          }
          if (next !== NOT_CLOSING) {
            this.field(open, close, FIELD_DOUBLED_QUOTES);
            return -next - 2 + (crlf ? 2 : 1); // past the line ending
          }
          row.quoting ??= 'InvalidQuotes';
          search = close + 1;
        }
        continue;
      }
      // Unquoted: up to the next comma or line ending.
      let end = at;
      for (;;) {
        if (end >= length) {
          if (!eof) return NEED_MORE;
          this.field(at, length, FIELD_PLAIN);
          return length;
        }
        const byte = bytes[end] as number;
        if (byte === COMMA) {
          this.field(at, end, FIELD_PLAIN);
          at = end + 1;
          break;
        }
        if (byte === LF && !crlf) {
          this.field(at, end, FIELD_PLAIN);
          return end + 1;
        }
        if (byte === CR && crlf) {
          if (end + 1 >= length && !eof) return NEED_MORE;
          if (bytes[end + 1] === LF) {
            this.field(at, end, FIELD_PLAIN);
            return end + 2;
          }
        }
        end++;
      }
    }
  }

  private field(start: number, end: number, kind: number): void {
    const row = this.row;
    const i = row.count++;
    if (i === row.starts.length) {
      const grow = <A extends Int32Array | Uint8Array>(array: A): A => {
        const bigger = new (array.constructor as new (n: number) => A)(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      row.starts = grow(row.starts);
      row.ends = grow(row.ends);
      row.kinds = grow(row.kinds);
    }
    row.starts[i] = start;
    row.ends[i] = end;
    row.kinds[i] = kind;
  }
}

/** {@link afterClosingQuote}: the quote does not close the field. */
const NOT_CLOSING = -2 - 0x7fffffff;

/**
 * Whether the `"` before `at` closes its field: skipping whitespace (as `trim` counts it), a comma
 * comes first (its index is returned) or a line ending does (`-index - 2` of its first byte is
 * returned); NOT_CLOSING when anything else (or the end of the input) comes first; NEED_MORE when the
 * bytes so far cannot tell.
 */
function afterClosingQuote(bytes: Uint8Array, at: number, length: number, eof: boolean, crlf: boolean): number {
  for (;;) {
    if (at >= length) return eof ? NOT_CLOSING : NEED_MORE;
    const byte = bytes[at] as number;
    if (byte === COMMA) return at;
    if (byte === LF && !crlf) return -at - 2;
    if (byte === CR && crlf) {
      if (at + 1 >= length && !eof) return NEED_MORE;
      if (bytes[at + 1] === LF) return -at - 2;
    }
    const space = whitespaceLength(bytes, at, length);
    if (space === 0) return NOT_CLOSING;
    if (space < 0) return eof ? NOT_CLOSING : NEED_MORE;
    at += space;
  }
}

/**
 * Byte length of the whitespace character at `at` (what `String.prototype.trim` removes), 0 when it is
 * not whitespace, -1 when the input ends inside it.
 */
export function whitespaceLength(bytes: Uint8Array, at: number, length: number): number {
  const b0 = bytes[at] as number;
  if (b0 < 0x80) return b0 === 0x20 || (b0 >= 0x09 && b0 <= 0x0d) ? 1 : 0;
  // U+00A0; U+1680; U+2000–200A, U+2028, U+2029, U+202F, U+205F; U+3000; U+FEFF.
  if (b0 !== 0xc2 && b0 !== 0xe1 && b0 !== 0xe2 && b0 !== 0xe3 && b0 !== 0xef) return 0;
  const size = b0 === 0xc2 ? 2 : 3;
  if (at + size > length) return -1;
  const b1 = bytes[at + 1] as number;
  const b2 = bytes[at + 2] as number;
  switch (b0) {
    case 0xc2:
      return b1 === 0xa0 ? 2 : 0;
    case 0xe1:
      return b1 === 0x9a && b2 === 0x80 ? 3 : 0;
    case 0xe2:
      if (b1 === 0x80) return b2 <= 0x8a || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf ? 3 : 0;
      return b1 === 0x81 && b2 === 0x9f ? 3 : 0;
    case 0xe3:
      return b1 === 0x80 && b2 === 0x80 ? 3 : 0;
    default:
      return b1 === 0xbb && b2 === 0xbf ? 3 : 0;
  }
}

import { formatDate, parseTimestamp } from '@cskit/core';
import { ARROW_TYPE, type ArrowDataLike, type ArrowVectorLike } from './arrow-table.js';

/** The canonical text of a chunk's element `i` (0 = the chunk's first), or `undefined` when null. */
export type CellText = (i: number) => string | undefined;

/** A column whose type has no canonical text (a list, a struct, binary …). */
export class UnreadableArrowTypeError extends Error {
  constructor(readonly type: string) {
    super(`a column of type ${type} cannot be read`);
    this.name = 'UnreadableArrowTypeError';
  }
}

const DAY_MS = 86_400_000;
/** Timestamp units (second … nanosecond) per day, and per millisecond. */
const UNITS_PER_DAY = [86_400n, 86_400_000n, 86_400_000_000n, 86_400_000_000_000n] as const;
const UNITS_PER_MS = [1n, 1n, 1_000n, 1_000_000n] as const;
const FRACTION_DIGITS = [0, 3, 6, 9] as const;

// As the CSV reader: bytes that are not UTF-8 are an error, not replacement characters.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How each Arrow value becomes the text a canonical CSV cell would hold, so that core's readers check
 * it with the same rules and messages as a CSV: strings as they are; integers and decimals digit for
 * digit (a decimal's scale places the point: no binary float on the way); floats as the shortest text
 * that reads back as the same float; booleans `true`/`false`; dates `YYYY-MM-DD`. A time of day is
 * kept in the text (`2024-01-31T23:30:00Z`), which the readers reject where a date is required: see
 * {@link timestampText}.
 *
 * @throws UnreadableArrowTypeError for a type without such text.
 */
export function cellText(data: ArrowDataLike, timeZone: string): CellText {
  const valueOf = valueText(data, timeZone);
  const { nullBitmap, nullCount, offset } = data;
  if (nullCount === 0 || nullBitmap === null || nullBitmap === undefined || nullBitmap.length === 0) return valueOf;
  return (i) => {
    const bit = offset + i;
    return ((nullBitmap[bit >> 3] as number) & (1 << (bit & 7))) === 0 ? undefined : valueOf(i);
  };
}

function valueText(data: ArrowDataLike, timeZone: string): CellText {
  const { type } = data;
  const numbers = data.values as ArrayLike<number>;
  switch (type.typeId) {
    case ARROW_TYPE.Null:
      return () => undefined;
    case ARROW_TYPE.Utf8:
    case ARROW_TYPE.LargeUtf8:
      return utf8Text(data.values as Uint8Array, data.valueOffsets as ArrayLike<number | bigint>, data.length);
    case ARROW_TYPE.Int:
      if ((type.bitWidth ?? 32) <= 32) return memoised(numbers, String);
      return (i) => String(data.values[i]);
    case ARROW_TYPE.Float:
      if (type.precision === 2) return memoised(numbers, String);
      if (type.precision === 1) return memoised(numbers, float32Text);
      break;
    case ARROW_TYPE.Bool:
      return (i) => {
        const bit = data.offset + i;
        return ((numbers[bit >> 3] as number) & (1 << (bit & 7))) === 0 ? 'false' : 'true';
      };
    case ARROW_TYPE.Decimal: {
      const words = (type.bitWidth ?? 128) / 32;
      const scale = type.scale ?? 0;
      if (!(Number.isInteger(words) && words >= 1)) break;
      // Prices repeat: the text of each amount below 2^53 is made once.
      const texts = new Map<number, string>();
      return (i) => {
        const small = smallUnscaled(numbers, i * words, words);
        if (small === undefined) return decimalText(unscaledText(numbers, i * words, words), scale);
        return texts.get(small) ?? remember(texts, small, decimalText(String(small), scale));
      };
    }
    case ARROW_TYPE.Date:
      if (type.unit === 0) return memoised(numbers, formatDate);
      return (i) => {
        const ms = Number(data.values[i]);
        // Date64 holds whole days (Arrow's format says so); anything else shows its time, and is rejected.
        return ms % DAY_MS === 0 ? formatDate(ms / DAY_MS) : new Date(ms).toISOString();
      };
    case ARROW_TYPE.Timestamp:
      return timestampText(data, timeZone);
    case ARROW_TYPE.Dictionary:
      return dictionaryText(data, timeZone);
  }
  throw new UnreadableArrowTypeError(String(type));
}

/**
 * Strings of a chunk. When its bytes are all ASCII (ids, codes, dates as text: the usual case), they
 * are decoded once into one string and each value is a slice of it, as a CSV reader slices its text;
 * otherwise each value is decoded alone.
 */
function utf8Text(bytes: Uint8Array, offsets: ArrayLike<number | bigint>, length: number): CellText {
  const first = Number(offsets[0] ?? 0);
  const last = Number(offsets[length] ?? first);
  let ascii = true;
  for (let k = first; k < last; k++) {
    if ((bytes[k] as number) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (!ascii) return (i) => utf8.decode(bytes.subarray(Number(offsets[i]), Number(offsets[i + 1])));
  const text = utf8.decode(bytes.subarray(first, last));
  if (typeof offsets[0] === 'bigint')
    return (i) => text.slice(Number(offsets[i]) - first, Number(offsets[i + 1]) - first);
  const small = offsets as ArrayLike<number>;
  return (i) => text.slice((small[i] as number) - first, (small[i + 1] as number) - first);
}

/** Texts worth making once: a few thousand distinct days, prices and quantities in a million lines. */
const CACHE_LIMIT = 100_000;

function memoised(values: ArrayLike<number>, textOf: (value: number) => string): CellText {
  const texts = new Map<number, string>();
  return (i) => {
    const value = values[i] as number;
    return texts.get(value) ?? remember(texts, value, textOf(value));
  };
}

/**
 * A timestamp is a date only at midnight. Without a zone it is a wall-clock time: its date is its date
 * part. With a zone it is an instant, and its date is the one in the reporting `timeZone`
 * (metrics.md §0). A timestamp that is not midnight there (`2024-01-31T23:00:00Z`, which is 00:00 in
 * Berlin but not in UTC) keeps its time in the text, and the reader rejects it as not a calendar date:
 * guessing which day was meant could move a line into another month.
 */
function timestampText(data: ArrowDataLike, timeZone: string): CellText {
  const unit = data.type.unit ?? 1;
  const perDay = UNITS_PER_DAY[unit];
  if (perDay === undefined) throw new UnreadableArrowTypeError(String(data.type));
  const zone = data.type.timezone;
  const instant = zone !== null && zone !== undefined && zone !== '';
  const wallClock = !instant || timeZone === 'UTC';
  const midnights = new Map<bigint, string>();
  return (i) => {
    const value = BigInt(data.values[i] as bigint | number);
    const known = midnights.get(value);
    if (known !== undefined) return known;
    const day = floorDiv(value, perDay);
    const rest = value - day * perDay;
    if (wallClock) {
      if (rest === 0n) return remember(midnights, value, formatDate(Number(day)));
    } else {
      const ms = epochMs(value, unit);
      // The instant's date in timeZone is its UTC date or a neighbour; midnight there is an exact instant.
      for (const shift of [-1, 0, 1]) {
        const candidate = formatDate(Number(day) + shift);
        if (ms !== undefined && parseTimestamp(candidate, timeZone)?.epochMs === ms)
          return remember(midnights, value, candidate);
      }
    }
    return `${formatDate(Number(day))}T${timeOfDay(rest, unit)}${instant ? 'Z' : ''}`;
  };
}

/** Milliseconds since the epoch, or `undefined` when the value has a fraction of a millisecond. */
function epochMs(value: bigint, unit: number): number | undefined {
  if (unit === 0) return Number(value) * 1000;
  const perMs = UNITS_PER_MS[unit] ?? 1n;
  return value % perMs === 0n ? Number(value / perMs) : undefined;
}

function remember<K>(cache: Map<K, string>, value: K, text: string): string {
  if (cache.size < CACHE_LIMIT) cache.set(value, text);
  return text;
}

function floorDiv(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  return value % divisor < 0n ? quotient - 1n : quotient;
}

/** `HH:MM:SS` and the fraction the unit has, of `rest` units after midnight. */
function timeOfDay(rest: bigint, unit: number): string {
  const digits = FRACTION_DIGITS[unit] ?? 0;
  const scale = 10n ** BigInt(digits);
  const seconds = Number(rest / scale);
  const two = (n: number): string => String(n).padStart(2, '0');
  const clock = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return digits === 0 ? clock : `${clock}.${String(rest % scale).padStart(digits, '0')}`;
}

/** A decimal's unscaled integer when it is non-negative and below 2^53 (little-endian 32-bit words). */
function smallUnscaled(words: ArrayLike<number>, start: number, count: number): number | undefined {
  const low = words[start] as number;
  if (count === 1) return low < 0x80000000 ? low : undefined;
  const high = words[start + 1] as number;
  for (let k = 2; k < count; k++) if ((words[start + k] as number) !== 0) return undefined;
  // A small integer stays a V8 small integer: the texts' cache hashes it without boxing a double.
  if (high === 0) return low;
  return high < 0x200000 ? high * 2 ** 32 + low : undefined;
}

/** Any decimal's unscaled two's-complement integer (little-endian 32-bit words), as digits. */
function unscaledText(words: ArrayLike<number>, start: number, count: number): string {
  let value = 0n;
  for (let k = count - 1; k >= 0; k--) value = (value << 32n) | BigInt(words[start + k] as number);
  if (((words[start + count - 1] as number) & 0x80000000) !== 0) value -= 1n << BigInt(32 * count);
  return value.toString();
}

/** The unscaled digits with the point placed by `scale`: 4900 at scale 2 is `49.00`. */
function decimalText(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled === '0' || scale === 0 ? unscaled : unscaled + '0'.repeat(-scale);
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The shortest decimal that reads back as the same 32-bit float: 0.29 stays `0.29`, not 0.2899999916…. */
function float32Text(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  for (let digits = 1; digits <= 9; digits++) {
    const shortest = Number(value.toPrecision(digits));
    if (Math.fround(shortest) === value) return String(shortest);
  }
  return String(value);
}

/** The dictionaries' texts, made once per dictionary: record batches usually share one. */
const dictionaryTexts = new WeakMap<ArrowVectorLike, readonly (string | undefined)[]>();

function dictionaryText(data: ArrowDataLike, timeZone: string): CellText {
  const dictionary = data.dictionary;
  if (dictionary === null || dictionary === undefined) throw new UnreadableArrowTypeError(String(data.type));
  let texts = dictionaryTexts.get(dictionary);
  if (texts === undefined) {
    const all: (string | undefined)[] = [];
    for (const chunk of dictionary.data) {
      const text = cellText(chunk, timeZone);
      for (let k = 0; k < chunk.length; k++) all.push(text(k));
    }
    texts = all;
    // A dictionary of timestamps depends on the zone: only zone-free texts are shared.
    if (!dictionary.data.some((chunk) => chunk.type.typeId === ARROW_TYPE.Timestamp))
      dictionaryTexts.set(dictionary, texts);
  }
  const codes = data.values;
  const found = texts;
  return (i) => found[Number(codes[i])];
}

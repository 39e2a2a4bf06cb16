import {
  CskitValidationError,
  duplicateLineIdReason,
  resolvePendingAmounts,
  type PendingAmount,
  type SubscriptionColumns,
  type SubscriptionColumnsResult,
  type SubscriptionLineSink,
  type ValidationIssue,
} from '@cskit/core';
import { Codes, type PartLines, type SubscriptionPart } from './subscription-part.js';

/** How the merged issues are settled: core's `onError` and `limit`, and the file's name. */
export interface MergeOptions {
  readonly source: string;
  readonly onError?: 'throw' | 'skip';
  readonly limit?: number;
  /** Rows before the first part's first row (1: the header). */
  readonly rowsBefore: number;
  /** Give the columns each line's `line_id` (`lineIds`), for errors found after reading (a missing FX rate). */
  readonly lineIds?: boolean;
}

const decoder = new TextDecoder();

/**
 * Joins the parts of a subscriptions CSV, in file order, into the result a single pass over the whole
 * file gives: rows numbered from the file, dictionaries merged, `line_id` uniqueness checked across
 * the parts, empty currencies settled with every currency of the file, issues in row order; then
 * returned or thrown as `onError` and `limit` say.
 *
 * As a single pass stops reading at the `limit`-th row that is not well-formed CSV, nothing after that
 * row counts here either.
 *
 * @throws CskitValidationError as core's readers do.
 */
export function mergeSubscriptionParts(
  parts: readonly SubscriptionPart[],
  options: MergeOptions,
): SubscriptionColumnsResult {
  const limit = options.limit ?? 100;
  const { source } = options;
  const firstRows: number[] = [];
  let rows = options.rowsBefore;
  for (const part of parts) {
    firstRows.push(rows);
    rows += part.rows;
  }

  const csvIssues = parts.flatMap((part, k) => shiftRows(part.csvIssues, firstRows[k] as number));
  const truncated = csvIssues.length >= limit;
  const lastRow = truncated ? ((csvIssues[limit - 1] as ValidationIssue).row as number) : Number.POSITIVE_INFINITY;

  const lines = joinLines(parts, firstRows);
  const kept = new Uint8Array(lines.length);
  let lineBase = 0;
  for (const part of parts) {
    kept.set(part.kept, lineBase);
    lineBase += part.lines.length;
  }
  const duplicates = findDuplicateLineIds(parts, firstRows, lastRow, source, kept);

  const currencies = new Map<string, number>();
  for (const [k, part] of parts.entries()) {
    for (const [code, row] of part.currencies) {
      const at = row + (firstRows[k] as number);
      if (at <= lastRow && !currencies.has(code)) currencies.set(code, at);
    }
  }
  const pending = new Map<number, PendingAmount>();
  lineBase = 0;
  for (const [k, part] of parts.entries()) {
    for (const { line, amount } of part.pending) {
      const row = amount.row + (firstRows[k] as number);
      if (row <= lastRow) pending.set(line + lineBase, { ...amount, row });
    }
    lineBase += part.lines.length;
  }
  const pendingIssues: ValidationIssue[] = [];
  let settled: number[] | undefined; // undefined: every line
  if (pending.size > 0 || lastRow !== Number.POSITIVE_INFINITY || kept.includes(0)) {
    const keptLines: number[] = [];
    for (let i = 0; i < lines.length; i++) if (kept[i] === 1 && (lines.row[i] as number) <= lastRow) keptLines.push(i);
    const currencyCodes = new Set(currencies.keys());
    const report = (issue: ValidationIssue): number => pendingIssues.push(issue);
    settled = resolvePendingAmounts(keptLines, pending, currencyCodes, source, report, lines.sink);
  }

  const readerIssues = insertDuplicates(
    parts.flatMap((part, k) => shiftRows(part.issues, firstRows[k] as number)),
    duplicates,
  );
  const issues = [...csvIssues, ...readerIssues, ...pendingIssues].filter((issue) => (issue.row ?? 0) <= lastRow);
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (truncated || issues.length >= limit) throw new CskitValidationError(issues.slice(0, limit), { truncated: true });
  if (issues.length > 0 && (options.onError ?? 'throw') === 'throw') throw new CskitValidationError(issues);
  const columns = lines.columns(settled);
  if (options.lineIds !== true) return { columns, issues };
  const ids = lineIdTexts(parts, lines.length);
  return { columns: { ...columns, lineIds: settled === undefined ? ids : settled.map((line) => ids[line]) }, issues };
}

/** The `line_id` of every joined line (`undefined` for a line without one), as text. */
function lineIdTexts(parts: readonly SubscriptionPart[], length: number): (string | undefined)[] {
  const texts = new Array<string | undefined>(length).fill(undefined);
  let base = 0;
  for (const part of parts) {
    const { count, bytes, ends, lines } = part.lineIds;
    for (let i = 0; i < count; i++) {
      const line = lines[i] as number;
      if (line < 0) continue;
      const start = i === 0 ? 0 : (ends[i - 1] as number);
      texts[base + line] = decoder.decode(bytes.subarray(start, ends[i] as number));
    }
    base += part.lines.length;
  }
  return texts;
}

function shiftRows(issues: readonly ValidationIssue[], by: number): ValidationIssue[] {
  return by === 0 ? [...issues] : issues.map((issue) => ({ ...issue, row: (issue.row ?? 0) + by }));
}

/** Every part's lines in one set of columns with one set of dictionaries, rows numbered from the file. */
function joinLines(parts: readonly SubscriptionPart[], firstRows: readonly number[]) {
  const length = parts.reduce((sum, part) => sum + part.lines.length, 0);
  const customers = new Codes();
  const products = new Codes();
  const currencies = new Codes();
  const only = parts.length === 1 ? parts[0] : undefined;
  const joined: Omit<PartLines, 'customerIds' | 'products' | 'currencies'> = only
    ? only.lines
    : {
        length,
        customer: new Int32Array(length),
        startDay: new Int32Array(length),
        endDay: new Int32Array(length),
        amountMinor: new Float64Array(length),
        currency: new Int32Array(length),
        interval: new Uint8Array(length),
        intervalCount: new Float64Array(length),
        quantity: new Float64Array(length),
        isTrial: new Uint8Array(length),
        product: new Int32Array(length),
        row: new Int32Array(length),
      };
  let base = 0;
  for (const [k, part] of parts.entries()) {
    const from = part.lines;
    const recode = (codes: Codes, keys: readonly string[], local: Int32Array, into: Int32Array): void => {
      const map = Int32Array.from(keys, (key) => codes.code(key));
      for (let i = 0; i < from.length; i++) into[base + i] = map[local[i] as number] as number;
    };
    recode(customers, from.customerIds, from.customer, joined.customer);
    recode(products, from.products, from.product, joined.product);
    recode(currencies, from.currencies, from.currency, joined.currency);
    if (joined !== from) {
      joined.startDay.set(from.startDay, base);
      joined.endDay.set(from.endDay, base);
      joined.amountMinor.set(from.amountMinor, base);
      joined.interval.set(from.interval, base);
      joined.intervalCount.set(from.intervalCount, base);
      joined.quantity.set(from.quantity, base);
      joined.isTrial.set(from.isTrial, base);
      joined.row.set(from.row, base);
    }
    const shift = firstRows[k] as number;
    for (let i = base; i < base + from.length; i++) joined.row[i] = (joined.row[i] as number) + shift;
    base += from.length;
  }
  const sink: SubscriptionLineSink<number> = {
    add: () => {
      throw new Error('lines are added by the parts');
    },
    settle: (line, currency, amountMinor) => {
      joined.currency[line] = currencies.code(currency);
      joined.amountMinor[line] = amountMinor;
      return line;
    },
  };
  const columns = (keptLines: readonly number[] | undefined): SubscriptionColumns => {
    const n = keptLines?.length ?? length;
    const all = n === length;
    const take = <A extends Int32Array | Float64Array | Uint8Array>(array: A): A => {
      if (all) return array;
      const taken = new (array.constructor as new (size: number) => A)(n);
      for (let i = 0; i < n; i++) taken[i] = array[keptLines?.[i] as number] as number;
      return taken;
    };
    return {
      length: n,
      customerIds: customers.keys,
      customer: take(joined.customer),
      startDay: take(joined.startDay),
      endDay: take(joined.endDay),
      amountMinor: take(joined.amountMinor),
      currencies: currencies.keys,
      currency: take(joined.currency),
      interval: take(joined.interval),
      intervalCount: take(joined.intervalCount),
      quantity: take(joined.quantity),
      isTrial: take(joined.isTrial),
      products: products.keys,
      product: take(joined.product),
      row: take(joined.row),
    };
  };
  return { length, row: joined.row, sink, columns };
}

/** A `line_id` seen before, as the issue of its row. */
interface Duplicate {
  readonly row: number;
  readonly issue: ValidationIssue;
}

/**
 * The rows whose `line_id` an earlier row has, in row order, with the lines they drop; ids are hashed
 * from their bytes into an open-addressed table of ints, compared byte by byte on a hash match: no
 * string is made but for the duplicates' issues.
 */
function findDuplicateLineIds(
  parts: readonly SubscriptionPart[],
  firstRows: readonly number[],
  lastRow: number,
  source: string,
  kept: Uint8Array,
): Duplicate[] {
  // Every id in file order, as indexes into its part's arrays.
  const total = parts.reduce((sum, part) => sum + part.lineIds.count, 0);
  const partOf = new Int32Array(total);
  const indexOf = new Int32Array(total);
  const counts = new Int32Array(BUCKETS + 1);
  let n = 0;
  for (const [k, part] of parts.entries()) {
    const ids = part.lineIds;
    const shift = firstRows[k] as number;
    for (let i = 0; i < ids.count && (ids.rows[i] as number) + shift <= lastRow; i++) {
      partOf[n] = k;
      indexOf[n] = i;
      const bucket = ((ids.hashes[i] as number) >>> BUCKET_SHIFT) + 1;
      counts[bucket] = (counts[bucket] as number) + 1;
      n++;
    }
  }
  // Grouped by the top bits of their hash (a counting sort keeps file order within a group), so that each
  // group's table is small enough to stay in the cache while it is probed.
  for (let b = 1; b <= BUCKETS; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
  const order = new Int32Array(n);
  const next = counts.slice(0, BUCKETS);
  for (let g = 0; g < n; g++) {
    const hash = parts[partOf[g] as number]?.lineIds.hashes[indexOf[g] as number] as number;
    const bucket = hash >>> BUCKET_SHIFT;
    const at = next[bucket] as number;
    next[bucket] = at + 1;
    order[at] = g;
  }

  const startOf = (g: number): number => {
    const i = indexOf[g] as number;
    return i === 0 ? 0 : ((parts[partOf[g] as number] as SubscriptionPart).lineIds.ends[i - 1] as number);
  };
  const sameId = (a: number, b: number): boolean => {
    const idsA = (parts[partOf[a] as number] as SubscriptionPart).lineIds;
    const idsB = (parts[partOf[b] as number] as SubscriptionPart).lineIds;
    const startA = startOf(a);
    const startB = startOf(b);
    const length = (idsA.ends[indexOf[a] as number] as number) - startA;
    if ((idsB.ends[indexOf[b] as number] as number) - startB !== length) return false;
    for (let x = 0; x < length; x++) if (idsA.bytes[startA + x] !== idsB.bytes[startB + x]) return false;
    return true;
  };
  const duplicates: Duplicate[] = [];
  const lineBases: number[] = [];
  let lineBase = 0;
  for (const part of parts) {
    lineBases.push(lineBase);
    lineBase += part.lines.length;
  }
  let slots = new Int32Array(0);
  for (let b = 0; b < BUCKETS; b++) {
    const from = counts[b] as number;
    const to = counts[b + 1] as number;
    let size = 16;
    while (size < (to - from) * 2) size *= 2;
    // Two ints a slot: the first id with these bytes, plus 1 (0: empty), and its hash.
    if (slots.length < size * 2) slots = new Int32Array(size * 2);
    else slots.fill(0, 0, size * 2);
    const mask = size - 1;
    for (let o = from; o < to; o++) {
      const g = order[o] as number;
      const ids = (parts[partOf[g] as number] as SubscriptionPart).lineIds;
      const hash = ids.hashes[indexOf[g] as number] as number;
      let slot = hash & mask;
      let first = -1;
      for (;;) {
        const entry = slots[2 * slot] as number;
        if (entry === 0) break;
        if (slots[2 * slot + 1] === hash && sameId(entry - 1, g)) {
          first = entry - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (first < 0) {
        slots[2 * slot] = g + 1;
        slots[2 * slot + 1] = hash;
        continue;
      }
      const k = partOf[g] as number;
      const i = indexOf[g] as number;
      const line = ids.lines[i] as number;
      if (line >= 0) kept[(lineBases[k] as number) + line] = 0;
      const row = (ids.rows[i] as number) + (firstRows[k] as number);
      const firstIds = (parts[partOf[first] as number] as SubscriptionPart).lineIds;
      const firstRow =
        (firstIds.rows[indexOf[first] as number] as number) + (firstRows[partOf[first] as number] as number);
      const value = decoder.decode(ids.bytes.subarray(startOf(g), ids.ends[i] as number));
      const reason = duplicateLineIdReason(firstRow);
      duplicates.push({ row, issue: { source, row, id: value, field: 'line_id', value, reason } });
    }
  }
  return duplicates.sort((a, b) => a.row - b.row);
}

/** Groups of ids by the top bits of their hash. */
const BUCKET_SHIFT = 24;
const BUCKETS = 1 << (32 - BUCKET_SHIFT);

/**
 * Places each duplicate's issue where core's checks report it among its row's issues: after
 * `customer_id is required`, the only check that comes before it, and before every other.
 */
function insertDuplicates(issues: readonly ValidationIssue[], duplicates: readonly Duplicate[]): ValidationIssue[] {
  if (duplicates.length === 0) return [...issues];
  const merged: ValidationIssue[] = [];
  let d = 0;
  for (const issue of issues) {
    const row = issue.row ?? 0;
    const first = issue.field === 'customer_id' && issue.reason === 'customer_id is required';
    while (d < duplicates.length) {
      const duplicate = duplicates[d] as Duplicate;
      if (duplicate.row < row || (duplicate.row === row && !first)) {
        merged.push(duplicate.issue);
        d++;
      } else break;
    }
    merged.push(issue);
  }
  while (d < duplicates.length) merged.push((duplicates[d++] as Duplicate).issue);
  return merged;
}

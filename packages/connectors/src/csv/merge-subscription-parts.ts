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
  return { columns: lines.columns(settled), issues };
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
  const total = parts.reduce((sum, part) => sum + part.lineIds.count, 0);
  let size = 1024;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  /**
   * Two ints a slot: the index of the first id with these bytes plus 1 (0: empty), and its hash, side
   * by side so that a probe reads one cache line.
   */
  const slots = new Int32Array(size * 2);
  const firstRowOf = new Int32Array(total);
  const bytesOf: Uint8Array[] = [];
  const startOf = new Int32Array(total);
  const endOf = new Int32Array(total);
  const partOf = new Int32Array(total);
  const sameId = (other: number, bytes: Uint8Array, start: number, end: number): boolean => {
    const otherStart = startOf[other] as number;
    if ((endOf[other] as number) - otherStart !== end - start) return false;
    const otherBytes = bytesOf[partOf[other] as number] as Uint8Array;
    for (let b = 0; b < end - start; b++) if (otherBytes[otherStart + b] !== bytes[start + b]) return false;
    return true;
  };
  const duplicates: Duplicate[] = [];
  let n = 0;
  let lineBase = 0;
  for (const [k, part] of parts.entries()) {
    const ids = part.lineIds;
    const bytes = ids.bytes;
    bytesOf.push(bytes);
    let start = 0;
    for (let i = 0; i < ids.count; i++) {
      const end = ids.ends[i] as number;
      const row = (ids.rows[i] as number) + (firstRows[k] as number);
      if (row > lastRow) break;
      const hash = ids.hashes[i] as number;
      let slot = hash & mask;
      let first = -1;
      for (;;) {
        const entry = slots[2 * slot] as number;
        if (entry === 0) break;
        if (slots[2 * slot + 1] === hash && sameId(entry - 1, bytes, start, end)) {
          first = entry - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (first < 0) {
        slots[2 * slot] = n + 1;
        slots[2 * slot + 1] = hash;
        firstRowOf[n] = row;
        startOf[n] = start;
        endOf[n] = end;
        partOf[n] = k;
        n++;
      } else {
        const line = ids.lines[i] as number;
        if (line >= 0) kept[lineBase + line] = 0;
        const value = decoder.decode(bytes.subarray(start, end));
        duplicates.push({
          row,
          issue: {
            source,
            row,
            id: value,
            field: 'line_id',
            value,
            reason: duplicateLineIdReason(firstRowOf[first] as number),
          },
        });
      }
      start = end;
    }
    lineBase += part.lines.length;
  }
  return duplicates;
}

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

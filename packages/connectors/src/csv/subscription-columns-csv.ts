import { subscriptionLineReader, type SubscriptionColumnsResult, type ValidationIssue } from '@cskit/core';
import { CANONICAL_ENTITIES } from './canonical-entities.js';
import { CsvByteRows, type CsvByteRow } from './csv-byte-rows.js';
import { chunksOf, type CsvInput } from './csv-input.js';
import { headerIssues, quotingProblem, ROW_FIELD } from './csv-records.js';
import { mergeSubscriptionParts } from './merge-subscription-parts.js';
import { throwHeaderIssues, type CsvReadOptions } from './read-csv.js';
import { fieldTexts, SubscriptionPartReader } from './subscription-part.js';

const encoder = new TextEncoder();

/**
 * The header of a subscriptions CSV from its first row: its columns, or a thrown CskitValidationError
 * (quoting, a column named twice, a required column missing), as `readCsv` throws it.
 */
export function subscriptionHeader(row: CsvByteRow | undefined, source: string): string[] {
  const { requiredColumns } = CANONICAL_ENTITIES.subscriptions;
  if (row === undefined) {
    const empty: ValidationIssue = {
      source,
      row: 1,
      field: ROW_FIELD,
      value: '',
      reason: 'the file is empty: a header row is required',
    };
    throwHeaderIssues([empty], [], { source, requiredColumns });
  }
  const columns = fieldTexts(row as CsvByteRow);
  const quoting = row?.quoting === undefined ? undefined : quotingProblem(row.quoting);
  throwHeaderIssues(headerIssues(columns, quoting, source), columns, { source, requiredColumns });
  return columns;
}

/** Checks that chunks are UTF-8, as the readers of text do (a character may span two chunks). */
export class Utf8Check {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** @throws TypeError when the bytes are not UTF-8. */
  check(chunk: Uint8Array): void {
    this.decoder.decode(chunk, { stream: true });
  }
  /** @throws TypeError when the input ends inside a character. */
  end(): void {
    this.decoder.decode();
  }
}

/**
 * Reads a subscriptions CSV into columns in one pass over its bytes: rows are split by a byte-level
 * tokenizer with papaparse's rules, and fields are checked where they lie (see
 * `SubscriptionPartReader`); the same rows, issues and errors as `readSubscriptionLinesCsv`.
 */
export async function readSubscriptionColumnsFromBytes(
  input: CsvInput,
  options: CsvReadOptions & { readonly lineIds?: boolean },
): Promise<SubscriptionColumnsResult> {
  const { source } = options;
  const limit = options.limit ?? 100;
  // An unknown default currency is a RangeError before anything is read, as in core's readers.
  subscriptionLineReader(options, { add: () => 0, settle: () => 0 });
  let part: SubscriptionPartReader | undefined;
  const rows = new CsvByteRows((row) => {
    if (part !== undefined) return part.push(row);
    part = new SubscriptionPartReader(subscriptionHeader(row, source), { read: options, maxCsvIssues: limit });
    return true;
  });
  const utf8 = new Utf8Check();
  for await (const chunk of chunksOf(input)) {
    if (typeof chunk === 'string') {
      if (!rows.push(encoder.encode(chunk))) break;
    } else {
      utf8.check(chunk);
      if (!rows.push(chunk)) break;
    }
  }
  if (!rows.done) {
    utf8.end();
    rows.end();
  }
  const reader =
    part ?? new SubscriptionPartReader(subscriptionHeader(undefined, source), { read: options, maxCsvIssues: limit });
  return mergeSubscriptionParts([reader.finish(rows.consumed, false)], { ...options, rowsBefore: 1 });
}

import {
  readCesResponses,
  readChurnReasons,
  readCsatResponses,
  readCsCosts,
  readCustomers,
  readFxRates,
  readNpsResponses,
  readSubscriptionLines,
  createSubscriptionColumnsReader,
  type SubscriptionColumnsResult,
  readTickets,
  readUsageEvents,
  type CesResponse,
  type ChurnReason,
  type CsatResponse,
  type CsCost,
  type Customer,
  type FxRate,
  type NpsResponse,
  type ReadResult,
  type SubscriptionLine,
  type Ticket,
  type UsageEvent,
} from '@cskit/core';
import type { CsvInput } from './csv-input.js';
import { readCsv, readCsvStreaming, type CsvReadOptions, type RequiredColumn } from './read-csv.js';

const MISSING = 'the header has no such column, and every row needs it';

function columnsRequired(...columns: string[]): (present: ReadonlySet<string>) => RequiredColumn[] {
  return (present) => columns.filter((c) => !present.has(c)).map((column) => ({ column, reason: MISSING }));
}

/** `amount` with `interval`, or `mrr`: the two ways metrics.md §1 prices a line. */
function subscriptionColumns(present: ReadonlySet<string>): RequiredColumn[] {
  const missing = columnsRequired('customer_id', 'start_date')(present);
  if (present.has('mrr')) return missing;
  if (!present.has('amount')) {
    missing.push({ column: 'amount', reason: 'the header needs an amount column (with interval) or an mrr column' });
  } else if (!present.has('interval')) {
    missing.push({ column: 'interval', reason: 'the header has an amount column but no interval column' });
  }
  return missing;
}

/**
 * Reads a subscriptions CSV (`customer_id,start_date,amount,interval,…` or `…,mrr`) into validated
 * subscription lines. See {@link readCsv} for rows, issues and errors.
 */
export function readSubscriptionLinesCsv(
  input: CsvInput,
  options: CsvReadOptions,
): Promise<ReadResult<SubscriptionLine>> {
  return readCsv(input, readSubscriptionLines, { ...options, requiredColumns: subscriptionColumns });
}

/**
 * {@link readSubscriptionLinesCsv} into `SubscriptionColumns` for `buildReport`: rows are validated as
 * they are parsed, with the same checks, issues and errors, and appended to typed columns, so no record
 * or line object is kept. Columns hold what the report needs (not `line_id`, `subscription_id`, `plan`).
 */
export function readSubscriptionColumnsCsv(
  input: CsvInput,
  options: CsvReadOptions,
): Promise<SubscriptionColumnsResult> {
  return readCsvStreaming(input, createSubscriptionColumnsReader, { ...options, requiredColumns: subscriptionColumns });
}

/**
 * Reads a customers CSV (`customer_id,name,created_at,…`); every other column becomes an attribute.
 * See {@link readCsv} for rows, issues and errors.
 */
export function readCustomersCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<Customer>> {
  return readCsv(input, readCustomers, { ...options, requiredColumns: columnsRequired('customer_id') });
}

/**
 * Reads an exchange-rate CSV (`date,currency,rate`: one unit of `currency` in the reporting currency
 * from `date` on). See {@link readCsv} for rows, issues and errors.
 */
export function readFxRatesCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<FxRate>> {
  return readCsv(input, readFxRates, { ...options, requiredColumns: columnsRequired('date', 'currency', 'rate') });
}

/**
 * Reads an NPS responses CSV (`date,score,customer_id,respondent_id,comment`). See {@link readCsv} for
 * rows, issues and errors.
 */
export function readNpsResponsesCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<NpsResponse>> {
  return readCsv(input, readNpsResponses, { ...options, requiredColumns: columnsRequired('date', 'score') });
}

/**
 * Reads a support tickets CSV (`ticket_id,customer_id,created_at,first_response_at,resolved_at,…`);
 * timestamps without an offset are read in `timeZone`. See {@link readCsv} for rows, issues and errors.
 */
export function readTicketsCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<Ticket>> {
  return readCsv(input, readTickets, { ...options, requiredColumns: columnsRequired('ticket_id', 'created_at') });
}

/**
 * Reads a product usage CSV (`customer_id,date,name,value,user_id`; `value` defaults to 1). See
 * {@link readCsv} for rows, issues and errors.
 */
export function readUsageEventsCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<UsageEvent>> {
  return readCsv(input, readUsageEvents, {
    ...options,
    requiredColumns: columnsRequired('customer_id', 'date', 'name'),
  });
}

/**
 * Reads a churn reasons CSV (`customer_id,date,reason,voluntary,comment`). See {@link readCsv} for rows,
 * issues and errors.
 */
export function readChurnReasonsCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<ChurnReason>> {
  return readCsv(input, readChurnReasons, {
    ...options,
    requiredColumns: columnsRequired('customer_id', 'date', 'reason'),
  });
}

/**
 * Reads a customer-success costs CSV (`month,amount,currency,category`); an empty `currency` takes
 * `defaultCurrency`, else the file's only currency. See {@link readCsv} for rows, issues and errors.
 */
export function readCsCostsCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<CsCost>> {
  return readCsv(input, readCsCosts, { ...options, requiredColumns: columnsRequired('month', 'amount') });
}

/**
 * Reads a CSAT answers CSV (`date,score,customer_id,ticket_id`; `score` 1–5). See {@link readCsv} for
 * rows, issues and errors.
 */
export function readCsatResponsesCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<CsatResponse>> {
  return readCsv(input, readCsatResponses, { ...options, requiredColumns: columnsRequired('date', 'score') });
}

/**
 * Reads a CES answers CSV (`date,score,customer_id,ticket_id`; `score` 1–7). See {@link readCsv} for
 * rows, issues and errors.
 */
export function readCesResponsesCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<CesResponse>> {
  return readCsv(input, readCesResponses, { ...options, requiredColumns: columnsRequired('date', 'score') });
}

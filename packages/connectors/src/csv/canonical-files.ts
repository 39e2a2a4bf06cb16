import {
  type CesResponse,
  type ChurnReason,
  type CsatResponse,
  type CsCost,
  type Customer,
  type FxRate,
  type NpsResponse,
  type ReadResult,
  type SubscriptionColumnsReadOptions,
  type SubscriptionColumnsResult,
  type SubscriptionLine,
  type Ticket,
  type UsageEvent,
} from '@cskit/core';
import { CANONICAL_ENTITIES, type CanonicalEntity, type CanonicalRecordTypes } from './canonical-entities.js';
import type { CsvInput } from './csv-input.js';
import { readCsv, type CsvReadOptions } from './read-csv.js';
import { readSubscriptionColumnsFromBytes } from './subscription-columns-csv.js';

/** Reads the CSV of `entity` with its reader and required columns. */
function readEntityCsv<E extends CanonicalEntity>(
  entity: E,
  input: CsvInput,
  options: CsvReadOptions,
): Promise<ReadResult<CanonicalRecordTypes[E]>> {
  const { read, requiredColumns } = CANONICAL_ENTITIES[entity];
  return readCsv(input, read, { ...options, requiredColumns });
}

/**
 * Reads a subscriptions CSV (`customer_id,start_date,amount,interval,…` or `…,mrr`) into validated
 * subscription lines. See {@link readCsv} for rows, issues and errors.
 */
export function readSubscriptionLinesCsv(
  input: CsvInput,
  options: CsvReadOptions,
): Promise<ReadResult<SubscriptionLine>> {
  return readEntityCsv('subscriptions', input, options);
}

/**
 * {@link readSubscriptionLinesCsv} into `SubscriptionColumns` for `buildReport`, with the same rows,
 * checks, issues and errors, and no object per row: a byte-level tokenizer (papaparse's rules, see
 * `readCsvRecords`) hands each row's fields as spans of the bytes, the usual field is checked where
 * it lies and appended to typed columns (ids dictionary-encoded), and only an unusual or bad row is
 * read as a record by core's checks. Columns hold what the report needs (not `subscription_id`, `plan`,
 * nor `line_id` unless `lineIds` is set, for errors after reading such as a missing FX rate to name it). For a file on disk, `readSubscriptionColumnsCsvFile` of
 * `@cskit/connectors/csv-file` reads parts of it on every core.
 */
export function readSubscriptionColumnsCsv(
  input: CsvInput,
  options: CsvReadOptions & Pick<SubscriptionColumnsReadOptions, 'lineIds'>,
): Promise<SubscriptionColumnsResult> {
  return readSubscriptionColumnsFromBytes(input, options);
}

/**
 * Reads a customers CSV (`customer_id,name,created_at,…`); every other column becomes an attribute.
 * See {@link readCsv} for rows, issues and errors.
 */
export function readCustomersCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<Customer>> {
  return readEntityCsv('customers', input, options);
}

/**
 * Reads an exchange-rate CSV (`date,currency,rate`: one unit of `currency` in the reporting currency
 * from `date` on). See {@link readCsv} for rows, issues and errors.
 */
export function readFxRatesCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<FxRate>> {
  return readEntityCsv('fx', input, options);
}

/**
 * Reads an NPS responses CSV (`date,score,customer_id,respondent_id,comment`). See {@link readCsv} for
 * rows, issues and errors.
 */
export function readNpsResponsesCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<NpsResponse>> {
  return readEntityCsv('nps', input, options);
}

/**
 * Reads a support tickets CSV (`ticket_id,customer_id,created_at,first_response_at,resolved_at,…`);
 * timestamps without an offset are read in `timeZone`. See {@link readCsv} for rows, issues and errors.
 */
export function readTicketsCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<Ticket>> {
  return readEntityCsv('tickets', input, options);
}

/**
 * Reads a product usage CSV (`customer_id,date,name,value,user_id`; `value` defaults to 1). See
 * {@link readCsv} for rows, issues and errors.
 */
export function readUsageEventsCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<UsageEvent>> {
  return readEntityCsv('usage', input, options);
}

/**
 * Reads a churn reasons CSV (`customer_id,date,reason,voluntary,comment`). See {@link readCsv} for rows,
 * issues and errors.
 */
export function readChurnReasonsCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<ChurnReason>> {
  return readEntityCsv('churn_reasons', input, options);
}

/**
 * Reads a customer-success costs CSV (`month,amount,currency,category`); an empty `currency` takes
 * `defaultCurrency`, else the file's only currency. See {@link readCsv} for rows, issues and errors.
 */
export function readCsCostsCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<CsCost>> {
  return readEntityCsv('cs_costs', input, options);
}

/**
 * Reads a CSAT answers CSV (`date,score,customer_id,ticket_id`; `score` 1–5). See {@link readCsv} for
 * rows, issues and errors.
 */
export function readCsatResponsesCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<CsatResponse>> {
  return readEntityCsv('csat', input, options);
}

/**
 * Reads a CES answers CSV (`date,score,customer_id,ticket_id`; `score` 1–7). See {@link readCsv} for
 * rows, issues and errors.
 */
export function readCesResponsesCsv(input: CsvInput, options: CsvReadOptions): Promise<ReadResult<CesResponse>> {
  return readEntityCsv('ces', input, options);
}

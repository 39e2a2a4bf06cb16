import {
  CskitValidationError,
  readCustomers,
  readFxRates,
  readNpsResponses,
  readSubscriptionLines,
  readTickets,
  type CanonicalRecord,
  type Customer,
  type FxRate,
  type NpsResponse,
  type ReadOptions,
  type ReadResult,
  type SubscriptionLine,
  type Ticket,
  type ValidationIssue,
} from '@cskit/core';
import { generateSample } from '@cskit/core/sample';
import {
  readCustomersCsv,
  readFxRatesCsv,
  readNpsResponsesCsv,
  readSubscriptionLinesCsv,
  readTicketsCsv,
  type CsvInput,
  type CsvReadOptions,
} from '@cskit/connectors/csv';
import { openInputFile, type InputFile } from './input-file.js';
import type { ReportArguments } from './report-arguments.js';

/** The validated data of a report, and what was wrong with the rest. */
export interface ReportInputs {
  readonly subscriptions: readonly SubscriptionLine[];
  readonly customers?: readonly Customer[];
  readonly fx?: readonly FxRate[];
  readonly nps?: readonly NpsResponse[];
  readonly tickets?: readonly Ticket[];
  /** Records left out with `--on-error skip`. */
  readonly skipped: readonly ValidationIssue[];
  /** One error per input with invalid records (`--on-error throw`, or past the issue limit). */
  readonly invalid: readonly CskitValidationError[];
}

/** How one entity is read: from a CSV file, or from the sample's records. */
interface Entity<T> {
  readonly option: 'subscriptions' | 'customers' | 'fx' | 'nps' | 'tickets';
  readonly csv: (input: CsvInput, options: CsvReadOptions) => Promise<ReadResult<T>>;
  readonly records: (records: Iterable<CanonicalRecord>, options: ReadOptions) => ReadResult<T>;
}

const SUBSCRIPTIONS: Entity<SubscriptionLine> = {
  option: 'subscriptions',
  csv: readSubscriptionLinesCsv,
  records: readSubscriptionLines,
};
const CUSTOMERS: Entity<Customer> = { option: 'customers', csv: readCustomersCsv, records: readCustomers };
const FX: Entity<FxRate> = { option: 'fx', csv: readFxRatesCsv, records: readFxRates };
const NPS: Entity<NpsResponse> = { option: 'nps', csv: readNpsResponsesCsv, records: readNpsResponses };
const TICKETS: Entity<Ticket> = { option: 'tickets', csv: readTicketsCsv, records: readTickets };

/**
 * Reads the files named by the arguments, or the built-in sample company with `--sample`. Every file is
 * read even when an earlier one is invalid, so that one run names every problem.
 *
 * @throws UsageError when a named file cannot be opened (checked for all files before reading any).
 */
export async function readReportInputs(args: ReportArguments): Promise<ReportInputs> {
  const options = {
    onError: args.onError,
    timeZone: args.timeZone,
    ...(args.currency === undefined ? {} : { defaultCurrency: args.currency }),
  } satisfies Omit<ReadOptions, 'source'>;
  const skipped: ValidationIssue[] = [];
  const invalid: CskitValidationError[] = [];
  const collect = async <T>(read: () => Promise<ReadResult<T>> | ReadResult<T>): Promise<T[] | undefined> => {
    try {
      const result = await read();
      skipped.push(...result.issues);
      return result.records;
    } catch (error) {
      if (!(error instanceof CskitValidationError)) throw error;
      invalid.push(error);
      return undefined;
    }
  };

  let read: <T>(entity: Entity<T>) => Promise<T[] | undefined>;
  let close = (): void => {};
  if (args.sample) {
    const sample = generateSample();
    read = (entity) =>
      collect(() => entity.records(sample[entity.option], { ...options, source: `sample/${entity.option}.csv` }));
  } else {
    const files = await openAll(args);
    close = () => {
      for (const file of files.values()) file.stream.destroy();
    };
    read = async (entity) => {
      const file = files.get(entity.option);
      return file && collect(() => entity.csv(file.stream, { ...options, source: file.source }));
    };
  }
  try {
    return {
      subscriptions: (await read(SUBSCRIPTIONS)) ?? [],
      customers: await read(CUSTOMERS),
      fx: await read(FX),
      nps: await read(NPS),
      tickets: await read(TICKETS),
      skipped,
      invalid,
    };
  } finally {
    close();
  }
}

/** Opens every file the command line names, so that a wrong path is reported before any work. */
async function openAll(args: ReportArguments): Promise<Map<Entity<unknown>['option'], InputFile>> {
  const files = new Map<Entity<unknown>['option'], InputFile>();
  try {
    for (const option of ['subscriptions', 'customers', 'fx', 'nps', 'tickets'] as const) {
      const path = args[option];
      if (path !== undefined) files.set(option, await openInputFile(option, path));
    }
  } catch (error) {
    for (const file of files.values()) file.stream.destroy();
    throw error;
  }
  return files;
}

import {
  CskitValidationError,
  readCsatResponses,
  readCustomers,
  readFxRates,
  readNpsResponses,
  readSubscriptionLines,
  readTickets,
  readUsageEvents,
  type CanonicalRecord,
  type CsatResponse,
  type Customer,
  type FxRate,
  type NpsResponse,
  type ReadOptions,
  type ReadResult,
  type SubscriptionColumns,
  type SubscriptionLine,
  type Ticket,
  type UsageEvent,
  type ValidationIssue,
} from '@cskit/core';
import { generateSample, SAMPLE_COLUMNS, type SampleEntity } from '@cskit/core/sample';
import {
  readCsatResponsesCsv,
  readCustomersCsv,
  readFxRatesCsv,
  readNpsResponsesCsv,
  readSubscriptionLinesCsv,
  readTicketsCsv,
  readUsageEventsCsv,
  type CsvInput,
  type CsvReadOptions,
} from '@cskit/connectors/csv';
import { readSubscriptionColumnsCsvFile } from '@cskit/connectors/csv-file';
import type { InputArguments, InputOption } from './command-arguments.js';
import { openInputFile, type InputFile } from './input-file.js';

/** The validated data of a command (an input not given is `undefined`), and what was wrong with the rest. */
export interface Inputs {
  readonly subscriptions: readonly SubscriptionLine[];
  readonly customers?: readonly Customer[];
  readonly fx?: readonly FxRate[];
  readonly nps?: readonly NpsResponse[];
  readonly tickets?: readonly Ticket[];
  readonly usage?: readonly UsageEvent[];
  readonly csat?: readonly CsatResponse[];
  /** Records left out with `--on-error skip`. */
  readonly skipped: readonly ValidationIssue[];
  /** One error per input with invalid records (`--on-error throw`, or past the issue limit). */
  readonly invalid: readonly Error[];
  /** The name each input's issues use (`subs.csv`, `sample/subscriptions.csv`), by option. */
  readonly sources: Readonly<Partial<Record<InputOption, string>>>;
}

/** {@link Inputs} whose subscription lines may have been read as columns (what `cskit report` needs). */
export interface ReportInputs extends Omit<Inputs, 'subscriptions'> {
  readonly subscriptions: readonly SubscriptionLine[] | SubscriptionColumns;
}

/** How one entity is read: from a CSV file, or from the sample's records. */
interface Entity<T> {
  readonly option: InputOption;
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
const USAGE: Entity<UsageEvent> = { option: 'usage', csv: readUsageEventsCsv, records: readUsageEvents };
const CSAT: Entity<CsatResponse> = { option: 'csat', csv: readCsatResponsesCsv, records: readCsatResponses };

/** The order files are opened and read in, so that problems are listed in a stable order. */
const INPUT_ORDER: readonly InputOption[] = ['subscriptions', 'customers', 'fx', 'nps', 'tickets', 'csat', 'usage'];

/**
 * Reads the files named by the arguments, or the built-in sample company with `--sample` (every entity
 * it has; it has no usage events). Every file is read even when an earlier one is invalid, so that one
 * run names every problem.
 *
 * @throws UsageError when a named file cannot be opened (checked for all files before reading any).
 */
export function readInputs(args: InputArguments): Promise<Inputs> {
  return readInputsAs(args, false) as Promise<Inputs>;
}

/**
 * {@link readInputs} for `cskit report`: a subscriptions file is read into columns (in parts, on every
 * core, when it is big), with the same issues. With `--fx` the columns keep each line's `line_id` too,
 * as a missing rate, found only once every line is read, names it. The sample is small and read as objects.
 *
 * @throws UsageError as {@link readInputs}.
 */
export function readReportInputs(args: InputArguments): Promise<ReportInputs> {
  return readInputsAs(args, !args.sample);
}

async function readInputsAs(args: InputArguments, subscriptionColumns: boolean): Promise<ReportInputs> {
  const options = {
    onError: args.onError,
    timeZone: args.timeZone,
    ...(args.currency === undefined ? {} : { defaultCurrency: args.currency }),
  } satisfies Omit<ReadOptions, 'source'>;
  const skipped: ValidationIssue[] = [];
  const invalid: CskitValidationError[] = [];
  const sources: Partial<Record<InputOption, string>> = {};
  const collect = async <R extends { readonly issues: readonly ValidationIssue[] }>(
    read: () => Promise<R> | R,
  ): Promise<R | undefined> => {
    try {
      const result = await read();
      skipped.push(...result.issues);
      return result;
    } catch (error) {
      if (!(error instanceof CskitValidationError)) throw error;
      invalid.push(error);
      return undefined;
    }
  };

  let read: <T>(entity: Entity<T>) => Promise<T[] | undefined>;
  let readColumns = async (): Promise<SubscriptionColumns | undefined> => undefined;
  let close = (): void => {};
  if (args.sample) {
    const sample = generateSample();
    read = async (entity) => {
      const option = entity.option;
      if (!isSampleEntity(option)) return undefined;
      const source = (sources[option] = `sample/${option}.csv`);
      return (await collect(() => entity.records(sample[option], { ...options, source })))?.records;
    };
  } else {
    const files = await openAll(args);
    close = () => {
      for (const file of files.values()) file.stream.destroy();
    };
    read = async (entity) => {
      const file = files.get(entity.option);
      if (file === undefined) return undefined;
      sources[entity.option] = file.source;
      return (await collect(() => entity.csv(file.stream, { ...options, source: file.source })))?.records;
    };
    readColumns = async () => {
      const file = files.get('subscriptions');
      if (file === undefined) return undefined;
      sources.subscriptions = file.source;
      // On every core for a big file: the file is read in parts by worker threads.
      const lineIds = args.fx !== undefined;
      return (
        await collect(() => readSubscriptionColumnsCsvFile(file.path, { ...options, source: file.source, lineIds }))
      )?.columns;
    };
  }
  try {
    return {
      subscriptions: (subscriptionColumns ? await readColumns() : await read(SUBSCRIPTIONS)) ?? [],
      customers: await read(CUSTOMERS),
      fx: await read(FX),
      nps: await read(NPS),
      tickets: await read(TICKETS),
      csat: await read(CSAT),
      usage: await read(USAGE),
      skipped,
      invalid,
      sources,
    };
  } finally {
    close();
  }
}

function isSampleEntity(option: InputOption): option is SampleEntity {
  return Object.hasOwn(SAMPLE_COLUMNS, option);
}

/** Opens every file the command line names, so that a wrong path is reported before any work. */
async function openAll(args: InputArguments): Promise<Map<InputOption, InputFile>> {
  const files = new Map<InputOption, InputFile>();
  try {
    for (const option of INPUT_ORDER) {
      const path = args[option];
      if (path !== undefined) files.set(option, await openInputFile(option, path));
    }
  } catch (error) {
    for (const file of files.values()) file.stream.destroy();
    throw error;
  }
  return files;
}

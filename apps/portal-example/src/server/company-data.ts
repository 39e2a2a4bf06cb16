import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import type { Customer, FxRate, HealthDataset, NpsResponse, SubscriptionLine, Ticket } from '@cskit/core';
import { generateSample, sampleToCsv, type SampleEntity } from '@cskit/core/sample';
import {
  readCustomersCsv,
  readFxRatesCsv,
  readNpsResponsesCsv,
  readSubscriptionLinesCsv,
  readTicketsCsv,
  type CsvInput,
} from '@cskit/connectors/csv';

/** The company the portal reports on: its validated records, as `@cskit/connectors` reads them. */
export interface CompanyData extends HealthDataset {
  readonly subscriptions: readonly SubscriptionLine[];
  readonly customers: readonly Customer[];
  readonly fx: readonly FxRate[];
  readonly nps: readonly NpsResponse[];
  readonly tickets: readonly Ticket[];
}

/** Where the CSV files come from: a folder of exports, or the built-in sample company. */
export type CompanySource = { readonly kind: 'sample' } | { readonly kind: 'folder'; readonly dir: string };

/**
 * Reads the company's canonical CSV files (`subscriptions.csv`, `customers.csv`, `fx.csv`, `nps.csv`,
 * `tickets.csv`; only subscriptions are required in a folder) with the CSV connector. The sample
 * company goes through the same readers as its CSV text, so the portal shows what `cskit report
 * --sample` prints and what a portal with real exports would do.
 *
 * @throws CskitValidationError naming the file, row and field of the first bad record.
 */
export async function readCompany(source: CompanySource): Promise<CompanyData> {
  const files = csvFiles(source);
  const options = (entity: SampleEntity) => ({ onError: 'throw', timeZone: 'UTC', source: `${entity}.csv` }) as const;
  const read = async <T>(
    entity: SampleEntity,
    reader: (input: CsvInput, opts: ReturnType<typeof options>) => Promise<{ records: T[] }>,
  ): Promise<T[]> => {
    const open = files(entity);
    return open === undefined ? [] : (await reader(open(), options(entity))).records;
  };
  if (files('subscriptions') === undefined) throw new Error(`No subscriptions.csv in ${describe(source)}`);
  return {
    subscriptions: await read('subscriptions', readSubscriptionLinesCsv),
    customers: await read('customers', readCustomersCsv),
    fx: await read('fx', readFxRatesCsv),
    nps: await read('nps', readNpsResponsesCsv),
    tickets: await read('tickets', readTicketsCsv),
  };
}

/** Each file of the source that exists, as a function that opens it (a file is opened only to be read). */
function csvFiles(source: CompanySource): (entity: SampleEntity) => (() => CsvInput) | undefined {
  if (source.kind === 'sample') {
    const texts = sampleToCsv(generateSample());
    return (entity) => () => texts[entity];
  }
  return (entity) => {
    const file = path.join(source.dir, `${entity}.csv`);
    return existsSync(file) ? () => createReadStream(file) : undefined;
  };
}

function describe(source: CompanySource): string {
  return source.kind === 'sample' ? 'the sample company' : source.dir;
}

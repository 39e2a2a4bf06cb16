import { toCsv, type CsvTextOptions } from './csv-text.js';
import { SAMPLE_COLUMNS, type SampleCompany, type SampleEntity } from './generate-sample.js';

/**
 * The CSV text of each file of a sample company (`customers`, `subscriptions`, `fx`, `nps`, `tickets`), in
 * the canonical format `cskit report` and the CSV connector read: write them out as `subscriptions.csv` etc.
 */
export function sampleToCsv(
  sample: SampleCompany,
  options: Pick<CsvTextOptions, 'newline'> = {},
): Record<SampleEntity, string> {
  const render = (entity: SampleEntity): string =>
    toCsv(sample[entity], { columns: SAMPLE_COLUMNS[entity], ...options });
  return {
    customers: render('customers'),
    subscriptions: render('subscriptions'),
    fx: render('fx'),
    nps: render('nps'),
    tickets: render('tickets'),
  };
}

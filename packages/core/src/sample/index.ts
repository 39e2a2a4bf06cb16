/**
 * `@cskit/core/sample`: a deterministic, realistic fictional SaaS company in the canonical model, for
 * docs, tests, benchmarks and `cskit report --sample`. Pure: no I/O and no dependencies.
 *
 * @packageDocumentation
 */
export {
  generateSample,
  SAMPLE_COLUMNS,
  SAMPLE_DEFAULTS,
  type SampleCompany,
  type SampleEntity,
  type SampleOptions,
  type SampleRow,
} from './generate-sample.js';
export { SAMPLE_CURRENCIES, SAMPLE_REPORTING_CURRENCY, type SampleCurrency } from './catalogue.js';
export { toCsv, quoteCsvField, type CsvTextOptions } from './csv-text.js';
export { sampleToCsv } from './sample-csv.js';
export { sampleDataset, type SampleDataset } from './sample-dataset.js';

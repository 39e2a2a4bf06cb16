/**
 * `@cskit/connectors/csv-file` (Node only): canonical CSV files read from disk on every core, with
 * worker threads.
 *
 * @packageDocumentation
 */
export { readSubscriptionColumnsCsvFile, type CsvFileReadOptions } from './read-subscription-columns-file.js';

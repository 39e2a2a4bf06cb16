/**
 * `@cskit/connectors/csv`: canonical CSV files (metrics.md §1) read into core's validated records, with
 * every bad row named by file, row, field, value and reason.
 *
 * @packageDocumentation
 */
export type { CsvInput } from './csv-input.js';
export {
  readCsv,
  readCsvStreaming,
  type StreamingRecordReader,
  type CsvReadOptions,
  type ReadCsvOptions,
  type RecordReader,
  type RequiredColumn,
} from './read-csv.js';
export {
  readCsvRecords,
  scanCsvRecords,
  ROW_FIELD,
  type CsvRecords,
  type CsvRecordsOptions,
  type CsvRecordVisitor,
} from './csv-records.js';
export {
  readCesResponsesCsv,
  readChurnReasonsCsv,
  readCsatResponsesCsv,
  readCsCostsCsv,
  readCustomersCsv,
  readFxRatesCsv,
  readNpsResponsesCsv,
  readSubscriptionColumnsCsv,
  readSubscriptionLinesCsv,
  readTicketsCsv,
  readUsageEventsCsv,
} from './canonical-files.js';

/**
 * `@cskit/connectors/arrow`: subscription lines held in Apache Arrow (Arrow JS tables, DuckDB-WASM
 * results, Parquet or IPC bytes decoded by Arrow) read into core's columnar input, validated exactly as
 * the CSV readers validate them. Arrow is described structurally: this needs no `apache-arrow` at run
 * time, and takes a table from whichever copy of it made the table. Works in browsers and Node.
 *
 * @packageDocumentation
 */
export { readSubscriptionColumnsArrow, type ArrowReadOptions } from './read-subscription-columns-arrow.js';
export type { ArrowDataLike, ArrowTableLike, ArrowTypeLike, ArrowVectorLike } from './arrow-table.js';

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CskitValidationError, type CanonicalRecord } from '@cskit/core';
import { readCsvRecords } from '@cskit/connectors/csv';
import {
  mergeDataset,
  parseIdMapCsv,
  type DatasetSide,
  type IdMapping,
  type MergedDataset,
} from '@cskit/connectors/dataset';
import { toCsv } from '@cskit/core/sample';
import type { CliIo } from './cli-io.js';
import { parseCommandLine } from './command-arguments.js';
import { MERGE_HELP } from './help-text.js';
import { openInputFile } from './input-file.js';
import { UsageError } from './usage-error.js';

const OPTIONS = {
  out: { type: 'string' },
  map: { type: 'string' },
  'same-ids': { type: 'string' },
  customers: { type: 'string' },
  subscriptions: { type: 'string' },
  'crm-customers': { type: 'string' },
  renewals: { type: 'string' },
  tickets: { type: 'string' },
  csat: { type: 'string' },
  nps: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The input files, the entity each holds, and the file it is written to in `--out`. */
const FILES = [
  ['customers', 'customers.csv'],
  ['subscriptions', 'subscriptions.csv'],
  ['crm-customers', ''],
  ['renewals', 'renewals.csv'],
  ['tickets', 'tickets.csv'],
  ['csat', 'csat.csv'],
  ['nps', 'nps.csv'],
] as const;

type FileOption = (typeof FILES)[number][0];
const SIDES: readonly DatasetSide[] = ['crm', 'support', 'surveys'];

/** A CSV file read as records, with its columns in order. */
interface Table {
  readonly columns: readonly string[];
  readonly records: CanonicalRecord[];
}

/**
 * `cskit merge --out DIR --subscriptions F [--customers F] [--crm-customers F] [--renewals F]
 * [--tickets F] [--csat F] [--nps F] [--map F] [--same-ids crm,support,surveys]`: merges the canonical
 * files of billing, CRM, support and surveys into one set keyed by billing customer ids (see
 * `mergeDataset`), writes them into DIR with `merge-report.json` (every unmatched record, whole, and the
 * attribute conflicts), and prints a summary on stderr.
 *
 * @returns 0 merged (unmatched records are reported, not an error), 1 a file or the map has bad rows,
 *   2 bad usage.
 */
export async function runMerge(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  let sameIds: DatasetSide[];
  try {
    values = parseCommandLine(argv, OPTIONS);
    if (values.help === true) {
      io.stdout.write(MERGE_HELP);
      return 0;
    }
    if (values.out === undefined || values.out === '') throw new UsageError('missing --out <directory>');
    if (values.subscriptions === undefined)
      throw new UsageError('missing --subscriptions <file.csv> (the billing lines)');
    sameIds = (values['same-ids'] ?? '').split(',').filter((side) => side !== '') as DatasetSide[];
    const unknown = sameIds.find((side) => !SIDES.includes(side));
    if (unknown !== undefined) throw new UsageError(`--same-ids: "${unknown}" is not one of ${SIDES.join(', ')}`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`cskit merge: ${error.message}\nRun 'cskit merge --help' for usage.\n`);
    return 2;
  }
  const out = values.out;
  try {
    const tables: Partial<Record<FileOption, Table>> = {};
    for (const [option] of FILES) {
      const path = values[option];
      if (path !== undefined) tables[option] = await readTable(option, path);
    }
    const mapRows = values.map === undefined ? [] : (await readTable('map', values.map)).records;
    const mapping: IdMapping = parseIdMapCsv(mapRows, { source: 'map', sameIds });
    const merged = mergeDataset(
      {
        billing: {
          ...(tables.customers === undefined ? {} : { customers: tables.customers.records }),
          subscriptions: tables.subscriptions?.records ?? [],
        },
        crm: {
          ...(tables['crm-customers'] === undefined ? {} : { customers: tables['crm-customers'].records }),
          ...(tables.renewals === undefined ? {} : { renewals: tables.renewals.records }),
        },
        support: {
          ...(tables.tickets === undefined ? {} : { tickets: tables.tickets.records }),
          ...(tables.csat === undefined ? {} : { csat: tables.csat.records }),
        },
        surveys: tables.nps === undefined ? {} : { nps: tables.nps.records },
      },
      mapping,
    );
    await writeMerged(out, tables, merged);
    printSummary(io, out, merged);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cskit merge: ${error.message}\nRun 'cskit merge --help' for usage.\n`);
      return 2;
    }
    if (!(error instanceof CskitValidationError)) throw error;
    for (const line of error.message.split('\n')) io.stderr.write(`error: ${line}\n`);
    return 1;
  }
}

async function readTable(option: string, path: string): Promise<Table> {
  const file = await openInputFile(option, path);
  const { columns, records, issues } = await readCsvRecords(file.stream, { source: file.source });
  if (issues.length > 0) throw new CskitValidationError(issues);
  // Rows the reader could not use are reported above; blank lines leave empty placeholders.
  return { columns, records: records.filter((record) => Object.keys(record).length > 0) };
}

async function writeMerged(
  out: string,
  tables: Partial<Record<FileOption, Table>>,
  merged: MergedDataset,
): Promise<void> {
  await mkdir(out, { recursive: true });
  const customerColumns = [
    ...new Set(['customer_id', ...(tables.customers?.columns ?? []), ...(tables['crm-customers']?.columns ?? [])]),
  ];
  const files: [string, readonly CanonicalRecord[], readonly string[]][] = [];
  if (tables.customers !== undefined || tables['crm-customers'] !== undefined) {
    files.push(['customers.csv', merged.customers, customerColumns]);
  }
  files.push(['subscriptions.csv', merged.subscriptions, tables.subscriptions?.columns ?? []]);
  for (const [option, name, records] of [
    ['renewals', 'renewals.csv', merged.renewals],
    ['tickets', 'tickets.csv', merged.tickets],
    ['csat', 'csat.csv', merged.csat],
    ['nps', 'nps.csv', merged.nps],
  ] as const) {
    const table = tables[option];
    if (table !== undefined) files.push([name, records, table.columns]);
  }
  for (const [name, records, columns] of files) {
    await writeFile(join(out, name), toCsv(records, { columns: [...columns] }));
  }
  await writeFile(join(out, 'merge-report.json'), `${JSON.stringify({ version: 1, ...merged.report }, null, 2)}\n`);
}

function printSummary(io: CliIo, out: string, merged: MergedDataset): void {
  const { unmatched, conflicts } = merged.report;
  const line = (text: string): unknown => io.stderr.write(`merge: ${text}\n`);
  line(`${merged.customers.length} customers, ${merged.subscriptions.length} subscription lines`);
  for (const side of ['crm', 'support', 'surveys', 'billing'] as const) {
    if (unmatched[side].length === 0) continue;
    const shown = unmatched[side].slice(0, 5).map((record) => `${record.entity} ${record.id}`);
    const more = unmatched[side].length > 5 ? `, and ${unmatched[side].length - 5} more` : '';
    line(
      side === 'billing'
        ? `${unmatched.billing.length} billing customers have no CRM record: ${shown.join(', ')}${more}`
        : `${unmatched[side].length} ${side} records match no billing customer: ${shown.join(', ')}${more}`,
    );
  }
  if (conflicts.length > 0) line(`${conflicts.length} CRM values differ from billing's and were not used`);
  line(`wrote ${out}; every unmatched record and conflict is in ${join(out, 'merge-report.json')}`);
}

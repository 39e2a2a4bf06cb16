import { buildReport, formatIssue, MissingFxRateError, type Report } from '@cskit/core';
import type { CliIo } from './cli-io.js';
import { REPORT_HELP } from './help-text.js';
import { parseReportArguments, type ReportArguments, type ReportFormat } from './report-arguments.js';
import { formatReportCsv } from './report-csv.js';
import { readReportInputs } from './report-inputs.js';
import { formatReportTable } from './report-table.js';
import { UsageError } from './usage-error.js';

/**
 * `cskit report`: reads the inputs, computes the report with `@cskit/core` and prints it.
 *
 * @returns the exit status: 0 printed, 1 invalid input (each problem on its own stderr line), 2 bad usage.
 */
export async function runReport(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ReportArguments;
  try {
    args = parseReportArguments(argv);
  } catch (error) {
    return usageFailure(error, io);
  }
  if (args.help) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }

  let inputs;
  try {
    inputs = await readReportInputs(args);
  } catch (error) {
    return usageFailure(error, io);
  }
  for (const issue of inputs.skipped) io.stderr.write(`skipped: ${formatIssue(issue)}\n`);
  if (inputs.invalid.length > 0) {
    for (const error of inputs.invalid) {
      for (const line of error.message.split('\n')) io.stderr.write(`error: ${line}\n`);
    }
    return 1;
  }

  let report: Report;
  try {
    report = buildReport(inputs, {
      timeZone: args.timeZone,
      ...(args.currency === undefined ? {} : { currency: args.currency }),
      ...(args.from === undefined ? {} : { from: args.from }),
      ...(args.to === undefined ? {} : { to: args.to }),
    });
  } catch (error) {
    // A missing rate is a problem of the fx file; anything else the core rejects here (several
    // currencies and no way to pick one, an empty input) is fixed on the command line.
    if (error instanceof MissingFxRateError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    // Plain errors and RangeErrors are the core's refusals; a TypeError would be a bug, and is thrown.
    if (error instanceof RangeError || (error instanceof Error && error.constructor === Error)) {
      return usageFailure(new UsageError(error.message), io);
    }
    throw error;
  }
  io.stdout.write(render(report, args.format ?? (io.stdout.isTTY === true ? 'table' : 'json')));
  return 0;
}

function render(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'table':
      return formatReportTable(report);
    case 'csv':
      return formatReportCsv(report);
  }
}

function usageFailure(error: unknown, io: CliIo): number {
  if (!(error instanceof UsageError)) throw error;
  io.stderr.write(`cskit report: ${error.message}\nRun 'cskit report --help' for usage.\n`);
  return 2;
}

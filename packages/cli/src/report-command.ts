import { buildReport, type Report } from '@cskit/core';
import type { CliIo } from './cli-io.js';
import { REPORT_HELP } from './help-text.js';
import { parseReportArguments, type ReportArguments } from './report-arguments.js';
import { formatReportCsv } from './report-csv.js';
import { readReportInputs, type ReportInputs } from './read-inputs.js';
import { formatReportTable } from './report-table.js';
import { runCommand, type Command } from './run-command.js';

/** `cskit report`: the monthly metrics of shared/spec/report.md. */
export const REPORT_COMMAND: Command<ReportArguments, ReportInputs, Report> = {
  name: 'report',
  help: REPORT_HELP,
  parse: parseReportArguments,
  read: readReportInputs,
  compute: (inputs, args) =>
    buildReport(inputs, {
      timeZone: args.timeZone,
      ...(args.currency === undefined ? {} : { currency: args.currency }),
      ...(args.from === undefined ? {} : { from: args.from }),
      ...(args.to === undefined ? {} : { to: args.to }),
    }),
  render: (report, format) => {
    switch (format) {
      case 'json':
        return `${JSON.stringify(report, null, 2)}\n`;
      case 'table':
        return formatReportTable(report);
      case 'csv':
        return formatReportCsv(report);
    }
  },
};

/**
 * `cskit report`: reads the inputs, computes the report with `@cskit/core` and prints it.
 *
 * @returns the exit status: 0 printed, 1 invalid input (each problem on its own stderr line), 2 bad usage.
 */
export function runReport(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(REPORT_COMMAND, argv, io);
}

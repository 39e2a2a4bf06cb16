import {
  analyseRevenue,
  explainMovement,
  explainRate,
  movementExplanationJson,
  rateExplanationJson,
  type ExplanationJson,
} from '@cskit/core';
import type { CliIo } from './cli-io.js';
import { parseExplainArguments, type ExplainArguments } from './explain-arguments.js';
import { formatExplanationCsv } from './explain-csv.js';
import { formatExplanationTable } from './explain-table.js';
import { EXPLAIN_HELP } from './help-text.js';
import { readInputs, type Inputs } from './read-inputs.js';
import { runCommand, type Command } from './run-command.js';

/** `cskit explain`: the customers behind a movement or a rate of one month (docs/cli.md). */
export const EXPLAIN_COMMAND: Command<ExplainArguments, Inputs, ExplanationJson> = {
  name: 'explain',
  help: EXPLAIN_HELP,
  parse: parseExplainArguments,
  read: readInputs,
  compute: (inputs, args) => {
    const { month, target } = args;
    // parse guarantees both outside --help
    if (month === undefined || target === undefined) throw new TypeError('explain: no month or target');
    // The month is added to the analysed range like `cskit report --from M --to M` does, so that
    // a month without activity explains to no customers, as the report prints 0 for it.
    const analysis = analyseRevenue(inputs, {
      timeZone: args.timeZone,
      from: month,
      to: month,
      ...(args.currency === undefined ? {} : { currency: args.currency }),
    });
    return target.kind === 'movement'
      ? movementExplanationJson(analysis, explainMovement(analysis, month, target.movement))
      : rateExplanationJson(analysis, explainRate(analysis, month, target.rate));
  },
  render: (explanation, format) => {
    switch (format) {
      case 'json':
        return `${JSON.stringify(explanation, null, 2)}\n`;
      case 'table':
        return formatExplanationTable(explanation);
      case 'csv':
        return formatExplanationCsv(explanation);
    }
  },
};

/**
 * `cskit explain`: reads the inputs like `cskit report` and prints the customers behind one movement
 * or rate of one month.
 *
 * @returns the exit status: 0 printed, 1 invalid input (each problem on its own stderr line), 2 bad usage.
 */
export function runExplain(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(EXPLAIN_COMMAND, argv, io);
}

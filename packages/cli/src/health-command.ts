import {
  defaultHealthModel,
  healthReport,
  prepareCustomerData,
  segmentRulesFromJson,
  type HealthModel,
  type HealthReport,
  type HealthSubject,
  type SegmentRulesJson,
} from '@cskit/core';
import type { CliIo } from './cli-io.js';
import { parseHealthArguments, type HealthArguments } from './health-arguments.js';
import { formatHealthCsv, type HealthColumns } from './health-csv.js';
import { readHealthModelFile } from './health-model-file.js';
import { readSegmentRulesFile } from './health-segments-file.js';
import { formatHealthTable } from './health-table.js';
import { HEALTH_HELP } from './help-text.js';
import { readInputs, type Inputs } from './read-inputs.js';
import { runCommand, type Command } from './run-command.js';

/**
 * What `cskit health` reads: report's inputs, the model (`undefined`: the default model) and the
 * segment rules (`undefined`: the default rules of metrics.md §7).
 */
export interface HealthInputs extends Inputs {
  readonly model?: HealthModel<HealthSubject>;
  readonly segmentRules?: SegmentRulesJson;
}

/** The health JSON, and the model's factors for the table and CSV columns. */
export interface HealthResult {
  readonly report: HealthReport;
  readonly factors: HealthColumns;
}

/** `cskit health`: the customer health scores of shared/spec/report.md ("`cskit health` JSON"). */
export const HEALTH_COMMAND: Command<HealthArguments, HealthInputs, HealthResult> = {
  name: 'health',
  help: HEALTH_HELP,
  parse: parseHealthArguments,
  read: async (args) => {
    // The JSON files first: a path that cannot be opened is reported before any CSV is read.
    const model = args.model === undefined ? undefined : await readHealthModelFile(args.model);
    const segmentRules = args.segments === undefined ? undefined : await readSegmentRulesFile(args.segments);
    const inputs = await readInputs(args);
    const invalid = [model, segmentRules].filter((value) => value instanceof Error);
    return {
      ...inputs,
      invalid: [...inputs.invalid, ...invalid],
      ...(model === undefined || model instanceof Error ? {} : { model }),
      ...(segmentRules === undefined || segmentRules instanceof Error ? {} : { segmentRules }),
    };
  },
  compute: (inputs, args) => {
    const model = inputs.model ?? defaultHealthModel({ slaTargets: args.slaTargets });
    const data = prepareCustomerData(inputs, {
      timeZone: args.timeZone,
      ...(args.currency === undefined ? {} : { currency: args.currency }),
    });
    const report = healthReport(data, {
      model,
      ...(args.asOf === undefined ? {} : { asOf: args.asOf }),
      // mrr bounds of the rules are in major units of the currency the data decided
      ...(inputs.segmentRules === undefined
        ? {}
        : { segments: { rules: segmentRulesFromJson(inputs.segmentRules, { currency: data.currency }) } }),
    });
    return { report, factors: model.factors.map((f) => ({ key: f.key, label: f.label ?? f.key })) };
  },
  render: ({ report, factors }, format) => {
    switch (format) {
      case 'json':
        return `${JSON.stringify(report, null, 2)}\n`;
      case 'table':
        return formatHealthTable(report, factors);
      case 'csv':
        return formatHealthCsv(report, factors);
    }
  },
};

/**
 * `cskit health`: reads the inputs, scores every customer active on `--as-of` with `@cskit/core` and
 * prints the scores.
 *
 * @returns the exit status: 0 printed, 1 invalid input (each problem on its own stderr line), 2 bad usage.
 */
export function runHealth(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(HEALTH_COMMAND, argv, io);
}

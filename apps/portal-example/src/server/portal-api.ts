import {
  analyseRevenue,
  buildReport,
  explainMovement,
  healthReport,
  MOVEMENT_KINDS,
  movementExplanationJson,
  parseMonth,
  prepareCustomerData,
  type HealthReport,
  type MovementExplanationJson,
  type MovementKind,
  type Report,
} from '@cskit/core';
import type { CompanyData } from './company-data.js';

/** A request the API cannot answer, with the HTTP status and the message sent back as JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The three JSON documents the elements read, computed by `@cskit/core` with the options `cskit
 * report`, `cskit health` and `cskit explain` use by default (UTC, the data's currency, the default
 * health model), so each equals the command's `--format json` output for the same files.
 */
export interface PortalApi {
  /** `cskit report`: for the KPI tiles, charts and cohort heatmap. */
  report(): Report;
  /** `cskit health`: for the health cards. */
  health(): HealthReport;
  /** `cskit explain --month M --movement K`: for `<cs-customer-list>`. */
  explain(month: string, movement: string): MovementExplanationJson;
}

/** The API over one company's data; the report and health scores are computed once, on first use. */
export function portalApi(company: CompanyData): PortalApi {
  let report: Report | undefined;
  let health: HealthReport | undefined;
  return {
    report: () => (report ??= buildReport(company, { timeZone: 'UTC' })),
    health: () => (health ??= healthReport(prepareCustomerData(company, { timeZone: 'UTC' }))),
    explain: (month, movement) => {
      if (parseMonth(month) === undefined) throw new ApiError(400, `month must be YYYY-MM, got "${month}"`);
      if (!isMovement(movement)) {
        throw new ApiError(400, `movement must be one of ${MOVEMENT_KINDS.join(', ')}, got "${movement}"`);
      }
      // As `cskit explain` does: the month joins the analysed range, so a quiet month explains to no one.
      const analysis = analyseRevenue(company, { timeZone: 'UTC', from: month, to: month });
      return movementExplanationJson(analysis, explainMovement(analysis, month, movement));
    },
  };
}

function isMovement(text: string): text is MovementKind {
  return (MOVEMENT_KINDS as readonly string[]).includes(text);
}

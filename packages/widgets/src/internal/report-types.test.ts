import type { Report } from '@cskit/core';
import { describe, expect, it } from 'vitest';
import type { ChurnInput } from '../churn-chart/churn-chart-data.js';
import type { CohortInput } from '../cohort-heatmap/cohort-heatmap-data.js';
import type { MovementExplanationInput } from '../customer-list/customer-list-data.js';
import type { KpiInput } from '../kpi/kpi-data.js';
import type { MrrBridgeInput } from '../mrr-bridge/mrr-bridge-data.js';
import type { NpsInput } from '../nps-trend/nps-trend-data.js';
import { sampleReport } from '../test-support/sample-report.js';

// Compile-time as much as run time: `pnpm typecheck` fails if an element's `data` type stops accepting
// the `Report` that `buildReport` returns (an interface, which has no implicit index signature), or a
// report typed from JSON with fields the element does not read.
describe('report data types', () => {
  it("accept @cskit/core's Report as it is typed", () => {
    const report: Report = sampleReport();
    const inputs: [KpiInput, ChurnInput, NpsInput, MrrBridgeInput, CohortInput] = [
      report,
      report,
      report,
      report,
      report,
    ];
    expect(inputs.every((input) => input === report)).toBe(true);
  });

  it('accept a report written as a literal, extra fields and all', () => {
    const literal: KpiInput = {
      version: 1,
      currency: 'USD',
      months: [{ month: '2024-01', mrr: 100, movements: { new: { mrr: 100, customers: 1 } } }],
    };
    expect(literal.months).toHaveLength(1);
  });

  it('accept the explain JSON as a JSON module types it (literals widen: version is a number)', () => {
    const imported: { version: number; currency: string; month: string; movement: string; mrr: number; customers: [] } =
      JSON.parse('{"version":1,"currency":"USD","month":"2025-03","movement":"churn","mrr":0,"customers":[]}');
    const input: MovementExplanationInput = imported;
    expect(input.version).toBe(1);
  });
});

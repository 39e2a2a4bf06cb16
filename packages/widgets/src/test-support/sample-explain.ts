import {
  analyseRevenue,
  explainMovement,
  explainRate,
  movementExplanationJson,
  rateExplanationJson,
  type ExplainedRate,
  type MovementExplanationJson,
  type RateExplanationJson,
} from '@cskit/core';
import { sampleDataset } from '@cskit/core/sample';

type Movement = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

let analysis: ReturnType<typeof analyseRevenue> | undefined;

/**
 * The sample company's customers behind one movement of one month: the JSON `cskit explain --sample
 * --month <month> --movement <movement>` prints, computed with the same core functions. The analysis
 * is made once per page: stories and tests share it.
 */
export function sampleExplanation(month: string, movement: Movement): MovementExplanationJson {
  const sample = sampleAnalysis();
  return movementExplanationJson(sample, explainMovement(sample, month, movement));
}

function sampleAnalysis(): ReturnType<typeof analyseRevenue> {
  if (!analysis) {
    const dataset = sampleDataset();
    analysis = analyseRevenue(dataset, { currency: dataset.currency });
  }
  return analysis;
}

/** A month of the sample with 17 churned customers: one page. */
export const SAMPLE_CHURN_MONTH = '2025-03';
/** A month of the sample with 110 expanding customers: three pages of 50. */
export const SAMPLE_EXPANSION_MONTH = '2025-12';

/**
 * The sample company's rate of one month taken apart: the JSON `cskit explain --sample --month <month>
 * --rate <rate>` prints.
 */
export function sampleRateExplanation(month: string, rate: ExplainedRate): RateExplanationJson {
  const sample = sampleAnalysis();
  return rateExplanationJson(sample, explainRate(sample, month, rate));
}

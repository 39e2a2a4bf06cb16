import { analyseRevenue, explainMovement, movementExplanationJson, type MovementExplanationJson } from '@cskit/core';
import { sampleDataset } from '@cskit/core/sample';

type Movement = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

let analysis: ReturnType<typeof analyseRevenue> | undefined;

/**
 * The sample company's customers behind one movement of one month: the JSON `cskit explain --sample
 * --month <month> --movement <movement>` prints, computed with the same core functions. The analysis
 * is made once per page: stories and tests share it.
 */
export function sampleExplanation(month: string, movement: Movement): MovementExplanationJson {
  const dataset = sampleDataset();
  analysis ??= analyseRevenue(dataset, { currency: dataset.currency });
  return movementExplanationJson(analysis, explainMovement(analysis, month, movement));
}

/** A month of the sample with 17 churned customers: one page. */
export const SAMPLE_CHURN_MONTH = '2025-03';
/** A month of the sample with 110 expanding customers: three pages of 50. */
export const SAMPLE_EXPANSION_MONTH = '2025-12';

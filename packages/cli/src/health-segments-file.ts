import { checkSegmentRulesJson, type SegmentRulesJson } from '@cskit/core';
import type { InputError } from './input-error.js';
import { readJsonInputFile } from './json-input-file.js';

/**
 * Reads `--segments rules.json` (the format of core's `segmentRulesFromJson`: your own rules, or the
 * default rules with other thresholds) and checks it. The rules are built once the data has decided
 * the reporting currency, since `mrr` bounds are in its major units.
 *
 * @returns the checked JSON, or an InputError naming the file and the problem (exit status 1).
 * @throws UsageError when the file cannot be opened (exit status 2, like any input file).
 */
export function readSegmentRulesFile(path: string): Promise<SegmentRulesJson | InputError> {
  return readJsonInputFile('segments', path, 'valid segment rules', (json) => {
    checkSegmentRulesJson(json);
    return json as SegmentRulesJson;
  });
}

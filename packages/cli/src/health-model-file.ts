import { healthModelFromJson, type HealthModel, type HealthSubject } from '@cskit/core';
import type { InputError } from './input-error.js';
import { readJsonInputFile } from './json-input-file.js';

/**
 * Reads `--model model.json` (the format of metrics.md §6, as `healthModelFromJson` reads it).
 *
 * @returns the model, or an InputError naming the file and the problem (exit status 1).
 * @throws UsageError when the file cannot be opened (exit status 2, like any input file).
 */
export function readHealthModelFile(path: string): Promise<HealthModel<HealthSubject> | InputError> {
  return readJsonInputFile('model', path, 'a valid health model', healthModelFromJson);
}

import { healthModelFromJson, type HealthModel, type HealthSubject } from '@cskit/core';
import { InputError } from './input-error.js';
import { openInputFile } from './input-file.js';

/**
 * Reads `--model model.json` (the format of metrics.md §6, as `healthModelFromJson` reads it).
 *
 * @returns the model, or an {@link InputError} naming the file and the problem (exit status 1): the file
 *   was given and read, so what is wrong is its content, like a bad CSV row.
 * @throws UsageError when the file cannot be opened (exit status 2, like any input file).
 */
export async function readHealthModelFile(path: string): Promise<HealthModel<HealthSubject> | InputError> {
  const file = await openInputFile('model', path);
  let text = '';
  try {
    for await (const chunk of file.stream) text += String(chunk);
  } finally {
    file.stream.destroy();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return new InputError(`${file.source}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return healthModelFromJson(json);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new InputError(`${file.source}: not a valid health model: ${error.message}`);
  }
}

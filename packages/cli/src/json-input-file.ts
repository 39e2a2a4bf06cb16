import { InputError } from './input-error.js';
import { openInputFile } from './input-file.js';

/**
 * Reads a JSON file named by an option (`--model model.json`, `--segments rules.json`) and hands the
 * parsed value to `parse`, the core function that checks it.
 *
 * @param what - what the file must be, for messages: `a valid health model`, `valid segment rules`.
 * @param parse - builds the value or throws a RangeError describing the first problem.
 * @returns the value, or an {@link InputError} naming the file and the problem (exit status 1): the
 *   file was given and read, so what is wrong is its content, like a bad CSV row.
 * @throws UsageError when the file cannot be opened (exit status 2, like any input file).
 */
export async function readJsonInputFile<T>(
  option: string,
  path: string,
  what: string,
  parse: (json: unknown) => T,
): Promise<T | InputError> {
  const file = await openInputFile(option, path);
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
    return parse(json);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new InputError(`${file.source}: not ${what}: ${error.message}`);
  }
}

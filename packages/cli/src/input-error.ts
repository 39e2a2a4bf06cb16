/**
 * Input that cannot be used, other than invalid CSV records (which are core's `CskitValidationError`):
 * a model file that is not a valid model. The CLI prints its message, naming the file, and exits with
 * status 1.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

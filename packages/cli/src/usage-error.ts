/**
 * A command line that cannot be run as given (unknown option, missing or malformed value, unreadable
 * path): the CLI prints its message and exits with status 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * `baseUrl` checked as the http(s) origin of a server that speaks a source's API: no path, query or
 * credentials (a trailing `/` is fine). `example` goes into the messages.
 *
 * @throws RangeError naming what is wrong.
 */
export function apiOrigin(baseUrl: string, example: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RangeError(`the base URL "${baseUrl}" is not a URL (expected e.g. ${example})`);
  }
  const problem =
    url.protocol !== 'http:' && url.protocol !== 'https:'
      ? 'must start with http:// or https://'
      : url.username !== '' || url.password !== ''
        ? 'must not hold credentials: they come from the environment'
        : url.pathname !== '/' || url.search !== '' || url.hash !== ''
          ? `must be an origin such as ${example}, without a path`
          : undefined;
  if (problem !== undefined) throw new RangeError(`the base URL ${problem}`);
  return url.origin;
}

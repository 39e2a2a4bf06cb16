/** The most characters of an offending value an error message quotes (metrics.md §11). */
export const MAX_QUOTED_CHARACTERS = 80;

/**
 * An offending value as error messages quote it (metrics.md §11): a string in JSON quotes, anything
 * else as JSON, at most 80 characters of it, then `…` and the full length. A 10 MB cell must not
 * become 10 MB of error text.
 *
 * Example: `quoteValue('x'.repeat(100))` → `"xxx…x"… (100 characters)` with 80 x's.
 */
export function quoteValue(value: unknown): string {
  const isText = typeof value === 'string';
  const text = isText ? value : (JSON.stringify(value) ?? String(value));
  if (text.length <= MAX_QUOTED_CHARACTERS) return isText ? JSON.stringify(text) : text;
  // Never cut a surrogate pair in half: keep the high surrogate's partner or neither.
  let end = MAX_QUOTED_CHARACTERS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  const head = text.slice(0, end);
  return `${isText ? JSON.stringify(head) : head}… (${text.length} characters)`;
}

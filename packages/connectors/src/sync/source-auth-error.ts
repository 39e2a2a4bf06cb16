/**
 * A source refused the credentials (HTTP 401 or 403). The message never quotes the credentials, nor the
 * provider's own message (Stripe's quotes the key's last characters): callers add which variable to set.
 */
export class SourceAuthError extends Error {
  override readonly name = 'SourceAuthError';

  constructor(
    /** The source, e.g. `Stripe`. */
    readonly source: string,
    /** 401 (not valid) or 403 (valid, but not allowed to read this). */
    readonly status: 401 | 403,
  ) {
    super(
      status === 401
        ? `${source} rejected the API key (HTTP 401): it is not a valid key`
        : `${source} refused the API key (HTTP 403): it may not read what the sync needs`,
    );
  }
}

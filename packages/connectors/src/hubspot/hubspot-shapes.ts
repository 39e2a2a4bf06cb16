/** The source name in issues about HubSpot records (they are named by company or deal id). */
export const HUBSPOT_SOURCE = 'hubspot';

/**
 * A CRM object as the SDK hands it over from `GET /crm/v3/objects/{type}`: the SDK has already parsed
 * `createdAt`/`updatedAt` into dates and dropped fields its model does not know. As received, so every
 * field may be missing: `missingHubSpotFields` checks those HubSpot always sends.
 */
export interface HubSpotObjectShape {
  readonly id: string;
  /** Every requested property that exists in the portal, as text (`null` when empty). */
  readonly properties: Readonly<Record<string, string | null>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly archived?: boolean;
  /** With `associations=companies`: `{ companies: { results: [{ id, type }] } }`. */
  readonly associations?: Readonly<
    Record<string, { readonly results?: readonly { readonly id: string; readonly type: string }[] }>
  >;
}

/** One page of a CRM objects list: `paging.next.after` is absent on the last page. */
export interface HubSpotPageShape {
  readonly results: readonly HubSpotObjectShape[];
  readonly paging?: { readonly next?: { readonly after?: string; readonly link?: string } };
}

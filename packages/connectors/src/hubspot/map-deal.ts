import { dateInTimeZone, type CanonicalRecord, type ValidationIssue } from '@cskit/core';
import { checkHubSpotObject, propertyText } from './hubspot-record.js';
import { HUBSPOT_SOURCE } from './hubspot-shapes.js';

/** The deal properties the list request asks for. */
export const HUBSPOT_DEAL_PROPERTIES = [
  'dealname',
  'dealtype',
  'amount',
  'deal_currency_code',
  'closedate',
  'dealstage',
  'pipeline',
  'hs_is_closed',
  'hs_is_closed_won',
] as const;

/**
 * The columns of `renewals.csv`. Not a canonical entity (metrics.md §1 has none for deals; its
 * renewal rate comes from subscription lines): a documented extra file, one row per renewal deal.
 */
export const HUBSPOT_RENEWAL_COLUMNS = [
  'deal_id',
  'customer_id',
  'hubspot_company_id',
  'name',
  'close_date',
  'amount',
  'currency',
  'status',
  'stage',
  'pipeline',
] as const;

/** HubSpot's default deal type for deals with existing customers ("Existing Business"). */
export const HUBSPOT_RENEWAL_DEAL_TYPES: readonly string[] = ['existingbusiness'];

/** What one listed deal becomes. */
export type MappedDeal =
  /** A renewal deal, `customer_id` still empty: it is set from the companies once all are listed. */
  | { readonly kind: 'renewal'; readonly record: CanonicalRecord }
  /** Another deal type: not a renewal. */
  | { readonly kind: 'other' }
  | { readonly kind: 'invalid'; readonly issues: readonly ValidationIssue[] };

/**
 * Maps a deal of `GET /crm/v3/objects/deals?associations=companies` whose `dealtype` is one of
 * `renewalTypes` to a `renewals.csv` row: `close_date` = the date of `closedate` in `timeZone`,
 * `amount` as HubSpot holds it (a decimal, major units), `currency` = `deal_currency_code`, `status`
 * `won`/`lost`/`open` from `hs_is_closed_won`/`hs_is_closed`, `hubspot_company_id` = the primary
 * associated company (the only one, when none is labelled primary).
 */
export function mapHubSpotDeal(deal: unknown, timeZone: string, renewalTypes: readonly string[]): MappedDeal {
  const checked = checkHubSpotObject('deal', deal);
  if (!checked.ok) return { kind: 'invalid', issues: checked.issues };
  const { id, properties, value } = checked.object;
  if (!renewalTypes.includes(propertyText(properties, 'dealtype'))) return { kind: 'other' };
  const issues: ValidationIssue[] = [];
  const report = (field: string, found: string, reason: string): void => {
    issues.push({ source: HUBSPOT_SOURCE, id: `deal ${id}`, field, value: found, reason });
  };
  const amount = propertyText(properties, 'amount');
  if (amount !== '' && !/^-?\d+(\.\d+)?$/.test(amount)) report('amount', amount, 'amount is not a decimal number');
  const closeText = propertyText(properties, 'closedate');
  const close = closeText === '' ? undefined : Date.parse(closeText);
  if (close !== undefined && Number.isNaN(close)) report('closedate', closeText, 'closedate is not a timestamp');
  const company = primaryCompany(value['associations']);
  if (company === undefined) {
    report('associations.companies', '', 'the deal is associated with several companies and none is primary');
  }
  if (issues.length > 0) return { kind: 'invalid', issues };
  const won = propertyText(properties, 'hs_is_closed_won') === 'true';
  const closed = won || propertyText(properties, 'hs_is_closed') === 'true';
  return {
    kind: 'renewal',
    record: {
      deal_id: id,
      customer_id: '',
      hubspot_company_id: company ?? '',
      name: propertyText(properties, 'dealname'),
      close_date: close === undefined || Number.isNaN(close) ? '' : dateInTimeZone(close, timeZone),
      amount,
      currency: propertyText(properties, 'deal_currency_code').toUpperCase(),
      status: won ? 'won' : closed ? 'lost' : 'open',
      stage: propertyText(properties, 'dealstage'),
      pipeline: propertyText(properties, 'pipeline'),
    },
  };
}

/**
 * The id of the deal's company: the one labelled primary (`deal_to_company`), else the only one;
 * `''` without any; `undefined` when several are associated and none is primary.
 */
function primaryCompany(associations: unknown): string | undefined {
  const results = (associations as { companies?: { results?: unknown } } | undefined)?.companies?.results;
  const list = Array.isArray(results)
    ? results.filter((entry): entry is { id: string; type?: unknown } => typeof entry?.id === 'string')
    : [];
  const primary = list.find((entry) => entry.type === 'deal_to_company');
  if (primary !== undefined) return primary.id;
  const ids = [...new Set(list.map((entry) => entry.id))];
  return ids.length <= 1 ? (ids[0] ?? '') : undefined;
}

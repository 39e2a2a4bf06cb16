/**
 * A CRM object (company or deal) as the mock holds it: HubSpot's v3 shape. Any field may be changed or
 * removed by a fixture (schema drift).
 */
export interface HubSpotMockObject {
  id: string;
  /** Every property the portal has for it; properties not listed here are answered as `null`. */
  properties: Record<string, string | null>;
  /** ISO 8601 with milliseconds, as HubSpot sends them. */
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  /** Associated companies of a deal, `type` `deal_to_company` for the primary one. */
  companies?: { id: string; type: 'deal_to_company' | 'deal_to_company_unlabeled' }[];
  [field: string]: unknown;
}

/** Options of {@link hubspotCompany}. */
export interface HubSpotCompanyInput {
  readonly id: string;
  readonly name: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt?: string;
  /** Properties besides `name` (domain, industry, numberofemployees, custom ones …). */
  readonly properties?: Readonly<Record<string, string | null>>;
}

/** A HubSpot-shaped company, with the properties HubSpot always keeps (`hs_object_id`, `createdate`, `hs_lastmodifieddate`). */
export function hubspotCompany(input: HubSpotCompanyInput): HubSpotMockObject {
  const createdAt = isoMillis(input.createdAt);
  const updatedAt = isoMillis(input.updatedAt ?? input.createdAt);
  return {
    id: input.id,
    properties: {
      hs_object_id: input.id,
      createdate: createdAt,
      hs_lastmodifieddate: updatedAt,
      name: input.name,
      ...input.properties,
    },
    createdAt,
    updatedAt,
    archived: false,
  };
}

/** Options of {@link hubspotDeal}. */
export interface HubSpotDealInput {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  /** `newbusiness` or `existingbusiness` (HubSpot's default types), or a portal's own. */
  readonly dealType: string;
  readonly amount?: string | null;
  readonly currency?: string | null;
  readonly closeDate?: string | null;
  /** `closedwon`, `closedlost`, or an open stage of the default pipeline (default `appointmentscheduled`). */
  readonly stage?: string;
  /** The primary company; `extraCompanies` are associated without a label. */
  readonly companyId?: string;
  readonly extraCompanies?: readonly string[];
}

/** A HubSpot-shaped deal of the default pipeline, with its calculated `hs_is_closed`/`hs_is_closed_won`. */
export function hubspotDeal(input: HubSpotDealInput): HubSpotMockObject {
  const createdAt = isoMillis(input.createdAt);
  const stage = input.stage ?? 'appointmentscheduled';
  const companies: NonNullable<HubSpotMockObject['companies']> = [];
  if (input.companyId !== undefined) {
    companies.push({ id: input.companyId, type: 'deal_to_company' });
    companies.push({ id: input.companyId, type: 'deal_to_company_unlabeled' });
  }
  for (const id of input.extraCompanies ?? []) companies.push({ id, type: 'deal_to_company_unlabeled' });
  return {
    id: input.id,
    properties: {
      hs_object_id: input.id,
      createdate: createdAt,
      hs_lastmodifieddate: createdAt,
      dealname: input.name,
      dealtype: input.dealType,
      amount: input.amount ?? null,
      deal_currency_code: input.currency ?? null,
      closedate: input.closeDate === undefined || input.closeDate === null ? null : isoMillis(input.closeDate),
      dealstage: stage,
      pipeline: 'default',
      hs_is_closed: String(stage === 'closedwon' || stage === 'closedlost'),
      hs_is_closed_won: String(stage === 'closedwon'),
    },
    createdAt,
    updatedAt: createdAt,
    archived: false,
    companies,
  };
}

/** `2024-01-02T09:30:00.000Z`: HubSpot's format. */
export function isoMillis(text: string): string {
  return new Date(Date.parse(text)).toISOString();
}

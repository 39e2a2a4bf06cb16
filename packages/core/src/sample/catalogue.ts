/**
 * What the fictional company sells and to whom: products, plans, price lists and customer attributes of
 * the sample company. Prices are in minor units per seat and month; annual billing costs ten months.
 */

/** The currencies the sample company bills in; reports convert them to {@link SAMPLE_REPORTING_CURRENCY}. */
export const SAMPLE_CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

/** A billing currency of the sample company. */
export type SampleCurrency = (typeof SAMPLE_CURRENCIES)[number];

/** The currency the sample's FX table converts to. */
export const SAMPLE_REPORTING_CURRENCY = 'USD';

/** Prices in minor units of each currency. */
export type PriceList = Readonly<Record<SampleCurrency, number>>;

/** A plan of the seat-based main product, cheapest first. */
export interface Plan {
  readonly name: string;
  readonly perSeat: PriceList;
}

export const MAIN_PRODUCT = 'Platform';

export const PLANS: readonly Plan[] = [
  { name: 'Starter', perSeat: { USD: 1900, EUR: 1800, GBP: 1500 } },
  { name: 'Growth', perSeat: { USD: 3900, EUR: 3600, GBP: 3100 } },
  { name: 'Scale', perSeat: { USD: 6900, EUR: 6400, GBP: 5500 } },
  { name: 'Enterprise', perSeat: { USD: 9900, EUR: 9200, GBP: 7900 } },
];

/** A flat-priced add-on product (quantity 1), sold on top of the main product. */
export interface AddOn {
  readonly product: string;
  readonly plan: string;
  readonly monthly: PriceList;
  /** Monthly probability that a customer without it buys it. */
  readonly uptake: number;
  /** Whether small (smb) customers buy it at all. */
  readonly forSmb: boolean;
}

export const ADD_ONS: readonly AddOn[] = [
  {
    product: 'Insights',
    plan: 'Insights',
    monthly: { USD: 14900, EUR: 13900, GBP: 11900 },
    uptake: 0.012,
    forSmb: true,
  },
  {
    product: 'Premium Support',
    plan: 'Premium Support',
    monthly: { USD: 39900, EUR: 36900, GBP: 31900 },
    uptake: 0.006,
    forSmb: false,
  },
];

/** Annual billing is priced as this many months. */
export const ANNUAL_MONTHS_CHARGED = 10;

/** A customer size band, with the behaviour that differs between bands. */
export interface SizeBand {
  readonly name: string;
  /** Share of new customers. */
  readonly share: number;
  /** Median and log-spread of the seats bought at first. */
  readonly seats: readonly [median: number, spread: number];
  /** Plan indexes a new customer of this size picks from, with weights. */
  readonly plans: readonly (readonly [number, number])[];
  /** Probability of paying yearly. */
  readonly annual: number;
  /** Probability of starting with a free trial. */
  readonly trial: number;
  /** Monthly probability of cancelling, before the satisfaction and tenure adjustments. */
  readonly churn: number;
  /** Mean support tickets per active month. */
  readonly tickets: number;
  /** Most people answering an NPS survey at once. */
  readonly respondents: number;
}

export const SIZE_BANDS: readonly SizeBand[] = [
  {
    name: 'smb',
    share: 0.6,
    seats: [5, 0.6],
    plans: [
      [0, 6],
      [1, 4],
    ],
    annual: 0.2,
    trial: 0.55,
    churn: 0.038,
    tickets: 0.25,
    respondents: 1,
  },
  {
    name: 'mid-market',
    share: 0.3,
    seats: [25, 0.5],
    plans: [
      [1, 5],
      [2, 5],
    ],
    annual: 0.45,
    trial: 0.35,
    churn: 0.02,
    tickets: 0.7,
    respondents: 3,
  },
  {
    name: 'enterprise',
    share: 0.1,
    seats: [80, 0.5],
    plans: [
      [2, 3],
      [3, 7],
    ],
    annual: 0.8,
    trial: 0,
    churn: 0.009,
    tickets: 2,
    respondents: 5,
  },
];

export const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['Software', 22],
  ['Financial services', 12],
  ['Healthcare', 10],
  ['Retail', 11],
  ['Education', 8],
  ['Manufacturing', 10],
  ['Media', 7],
  ['Logistics', 8],
  ['Professional services', 12],
];

/** A country a customer is based in, its region, billing currency and legal-form suffix. */
export interface Country {
  readonly code: string;
  readonly region: string;
  readonly currency: SampleCurrency;
  readonly suffix: string;
}

export const COUNTRIES: readonly (readonly [Country, number])[] = [
  [{ code: 'US', region: 'North America', currency: 'USD', suffix: 'Inc.' }, 38],
  [{ code: 'CA', region: 'North America', currency: 'USD', suffix: 'Ltd.' }, 5],
  [{ code: 'GB', region: 'EMEA', currency: 'GBP', suffix: 'Ltd' }, 14],
  [{ code: 'DE', region: 'EMEA', currency: 'EUR', suffix: 'GmbH' }, 10],
  [{ code: 'FR', region: 'EMEA', currency: 'EUR', suffix: 'SAS' }, 6],
  [{ code: 'NL', region: 'EMEA', currency: 'EUR', suffix: 'B.V.' }, 4],
  [{ code: 'ES', region: 'EMEA', currency: 'EUR', suffix: 'S.L.' }, 3],
  [{ code: 'AU', region: 'APAC', currency: 'USD', suffix: 'Pty Ltd' }, 5],
  [{ code: 'SG', region: 'APAC', currency: 'USD', suffix: 'Pte. Ltd.' }, 3],
  [{ code: 'JP', region: 'APAC', currency: 'USD', suffix: 'K.K.' }, 3],
  [{ code: 'BR', region: 'LATAM', currency: 'USD', suffix: 'Ltda.' }, 5],
  [{ code: 'MX', region: 'LATAM', currency: 'USD', suffix: 'S.A. de C.V.' }, 4],
];

export const NAME_STEMS: readonly string[] = [
  'Northwind',
  'Bluepeak',
  'Silverline',
  'Brightwave',
  'Ironbark',
  'Quillfeather',
  'Redwood',
  'Sunfield',
  'Clearwater',
  'Stonebridge',
  'Lumen',
  'Halcyon',
  'Kestrel',
  'Meridian',
  'Oakhurst',
  'Pinecrest',
  'Copperleaf',
  'Driftwood',
  'Evergreen',
  'Foxglove',
  'Granite',
  'Harbor',
  'Juniper',
  'Larkspur',
  'Maple',
  'Nimbus',
  'Orchid',
  'Polaris',
  'Quartz',
  'Riverbend',
  'Saffron',
  'Tidewater',
  'Umber',
  'Vantage',
  'Willow',
  'Zephyr',
  'Alder',
  'Birch',
  'Cobalt',
  'Dune',
];

export const NAME_ENDINGS: readonly string[] = [
  'Labs',
  'Analytics',
  'Systems',
  'Health',
  'Logistics',
  'Media',
  'Foods',
  'Robotics',
  'Partners',
  'Software',
  'Financial',
  'Learning',
  'Retail',
  'Energy',
  'Studios',
  'Works',
];

/** Surnames for the occasional "X, Y & Partners" firm, whose comma exercises CSV quoting. */
export const SURNAMES: readonly string[] = [
  'Smith',
  'Okafor',
  'Müller',
  'García',
  'Tanaka',
  "O'Brien",
  'Novak',
  'Silva',
  'Dubois',
  'Kowalski',
];

export const PRIORITIES: readonly (readonly [string, number])[] = [
  ['low', 30],
  ['normal', 45],
  ['high', 18],
  ['urgent', 7],
];

/** Median minutes to first response and hours to resolution, per priority. */
export const SERVICE_TIMES: Readonly<Record<string, readonly [firstResponseMinutes: number, resolutionHours: number]>> =
  {
    low: [300, 48],
    normal: [120, 20],
    high: [45, 8],
    urgent: [15, 3],
  };

export const NPS_COMMENTS = {
  promoter: [
    'Love the dashboards',
    'Great support team',
    'Saves us hours every week',
    'Easy to roll out, and the team adopted it fast',
  ],
  passive: ['Does the job', 'Good, but reporting could be faster', 'Pricing is a bit high', ''],
  detractor: [
    'Too expensive for what we use',
    'Missing integrations we need',
    'Support took days to answer',
    'The "advanced" reports keep timing out',
  ],
} as const;

// The backend's addresses (src/server/portal-server.ts), in one place for both pages.
import type { HealthCustomer, HealthReport } from '@cskit/widgets/health-card';

/** `cskit report` JSON: KPI tiles, charts and the cohort heatmap read it through `src`. */
export const REPORT_URL = '/api/report.json';

/** `cskit health` JSON: the health cards. */
export const HEALTH_URL = '/api/health.json';

/** `<cs-customer-list customer-href>`: each customer links to the portal's own customer page. */
export const CUSTOMER_HREF = '/customers?id={customerId}';

/** `cskit explain --month <month> --movement <movement>` JSON: the customers behind a clicked number. */
export function explainUrl(month: string, movement = 'churn'): string {
  return `/api/explain.json?${new URLSearchParams({ month, movement })}`;
}

/** The `count` lowest-scored customers, lowest first: the portal's "at risk" list. */
export function atRiskCustomers(health: HealthReport, count: number): HealthCustomer[] {
  return health.customers
    .filter((customer) => customer.score !== null)
    .toSorted((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .slice(0, count);
}

/** The health JSON, fetched once per page. */
export async function fetchHealth(signal?: AbortSignal): Promise<HealthReport> {
  const response = await fetch(HEALTH_URL, signal ? { signal } : {});
  if (!response.ok) throw new Error(`${HEALTH_URL}: HTTP ${response.status}`);
  return (await response.json()) as HealthReport;
}

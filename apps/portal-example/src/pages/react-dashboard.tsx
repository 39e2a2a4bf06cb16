// The React dashboard: the same elements through @cskit/react's wrappers, state in React.
import { ChurnChart, CustomerList, HealthCard, Kpi } from '@cskit/react';
import type { HealthReport } from '@cskit/widgets/health-card';
import { useEffect, useState } from 'react';
import { atRiskCustomers, CUSTOMER_HREF, explainUrl, fetchHealth, REPORT_URL } from './portal-api.js';

/** KPI tiles, churn with its drill-down, and the health card of a customer chosen among those at risk. */
export function ReactDashboard() {
  const [month, setMonth] = useState<string | null>(null);
  return (
    <>
      <h1>Revenue health</h1>
      <section className="tiles" aria-label="Key figures">
        <Kpi id="kpi-mrr" label="MRR" metric="mrr" src={REPORT_URL} />
        <Kpi id="kpi-nrr" label="Net revenue retention" metric="nrr" src={REPORT_URL} />
      </section>
      <section className="panel" aria-labelledby="churn-title">
        <h2 id="churn-title">Churn</h2>
        <p className="hint">Click a month to see the customers who churned in it.</p>
        <ChurnChart
          label="Monthly churn"
          type="bar"
          series="logo gross"
          src={REPORT_URL}
          onCsPointSelect={(event) => setMonth(event.detail.period)}
        />
      </section>
      {month === null ? null : (
        <section className="panel" aria-labelledby="drill-down-title">
          <div className="panel-head">
            <h2 id="drill-down-title">Who churned</h2>
            <button type="button" className="close" onClick={() => setMonth(null)}>
              Close
            </button>
          </div>
          <CustomerList src={explainUrl(month, 'churn')} customerHref={CUSTOMER_HREF} />
        </section>
      )}
      <AtRiskCustomer />
    </>
  );
}

/** The portal's own picker of the lowest-scored customers, and the chosen one's health card. */
function AtRiskCustomer() {
  const [health, setHealth] = useState<HealthReport | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    const abort = new AbortController();
    fetchHealth(abort.signal).then(
      (report) => {
        setHealth(report);
        setChosen((current) => current || (atRiskCustomers(report, 1)[0]?.customerId ?? ''));
      },
      (error: unknown) => {
        if (!abort.signal.aborted) console.error(error);
      },
    );
    return () => abort.abort();
  }, []);
  if (health === null) return null;
  return (
    <section className="panel" aria-labelledby="at-risk-title">
      <div className="panel-head">
        <h2 id="at-risk-title">At risk</h2>
        <select aria-label="Customer" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {atRiskCustomers(health, 15).map((customer) => (
            <option key={customer.customerId} value={customer.customerId}>
              {customer.name ?? customer.customerId}
            </option>
          ))}
        </select>
      </div>
      <HealthCard data={health} customerId={chosen} />
    </section>
  );
}

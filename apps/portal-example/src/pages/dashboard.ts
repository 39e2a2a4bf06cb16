// The plain HTML dashboard: importing an element's entry point registers its tag; the markup in
// index.html does the rest. The only code of the portal's own is the drill-down.
import '@cskit/widgets/kpi';
import '@cskit/widgets/churn-chart';
import '@cskit/widgets/customer-list';
import '@cskit/widgets/mrr-bridge';
import '@cskit/widgets/nps-trend';
import '@cskit/widgets/cohort-heatmap';
import { explainUrl } from './portal-api.js';

const chart = document.querySelector('cs-churn-chart');
const panel = document.querySelector<HTMLElement>('#drill-down');
const list = document.querySelector('cs-customer-list');
if (!chart || !panel || !list)
  throw new Error('dashboard: the churn chart, drill-down panel or customer list is missing');

// A clicked month opens the customers behind its churn, fetched from the backend's explain endpoint.
chart.addEventListener('cs-point-select', (event) => {
  list.src = explainUrl(event.detail.period, 'churn');
  panel.hidden = false;
  panel.scrollIntoView({ block: 'nearest' });
});

panel.querySelector('button.close')?.addEventListener('click', () => {
  panel.hidden = true;
  chart.focus();
});

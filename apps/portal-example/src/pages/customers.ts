// The customers page: the portal's own table of the lowest health scores, and the health card of the
// customer in `?id=` (a link of the dashboard's customer list lands here), else of the first row.
import '@cskit/widgets/health-card';
import { atRiskCustomers, fetchHealth } from './portal-api.js';

const panel = document.querySelector('#health');
const rows = document.querySelector('#at-risk');
if (!panel || !rows) throw new Error('customers: the health panel or the customer table is missing');

const health = await fetchHealth();
const atRisk = atRiskCustomers(health, 15);
const chosen = new URLSearchParams(location.search).get('id') ?? atRisk[0]?.customerId ?? '';

for (const customer of atRisk) {
  const row = document.createElement('tr');
  if (customer.customerId === chosen) row.setAttribute('aria-current', 'true');
  const name = document.createElement('td');
  const link = document.createElement('a');
  link.href = `/customers?${new URLSearchParams({ id: customer.customerId })}`;
  link.textContent = customer.name ?? customer.customerId; // data is text, never markup
  name.append(link);
  const score = document.createElement('td');
  score.className = 'number';
  score.textContent = customer.score === null ? '–' : (Math.trunc(customer.score * 10) / 10).toFixed(1);
  row.append(name, score);
  rows.append(row);
}

// Only customers active on the scoring date have a score: one who churned (a link of the dashboard's
// churn list) gets the portal's own note instead of the card's "not in the health report" error.
if (health.customers.some((customer) => customer.customerId === chosen)) {
  // The whole health JSON is already here, so the card gets it as data instead of fetching it again;
  // it joins the page with its data, so it never renders nameless.
  const card = document.createElement('cs-health-card');
  card.customerId = chosen;
  card.data = health;
  panel.append(card);
} else {
  const note = document.createElement('p');
  note.className = 'hint';
  note.textContent = `${chosen} is not an active customer on ${health.asOf}, so it has no health score.`;
  panel.append(note);
}

// One page that embeds every element: the size-limit "all elements together" budget bundles this file,
// so Lit, d3 and the shared chart code are counted once, as a portal using them all would ship them.
import '../dist/kpi/cs-kpi.js';
import '../dist/health-card/cs-health-card.js';
import '../dist/cohort-heatmap/cs-cohort-heatmap.js';
import '../dist/churn-chart/cs-churn-chart.js';
import '../dist/nps-trend/cs-nps-trend.js';
import '../dist/mrr-bridge/cs-mrr-bridge.js';
import '../dist/customer-list/cs-customer-list.js';

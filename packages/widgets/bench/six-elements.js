// The six elements of issue 10 (KPI, health card, cohort heatmap and the three charts) on one page: the
// size-limit budget of 50 KB gzipped that issue set is for these; all-elements.js adds the later ones.
import '../dist/kpi/cs-kpi.js';
import '../dist/health-card/cs-health-card.js';
import '../dist/cohort-heatmap/cs-cohort-heatmap.js';
import '../dist/churn-chart/cs-churn-chart.js';
import '../dist/nps-trend/cs-nps-trend.js';
import '../dist/mrr-bridge/cs-mrr-bridge.js';

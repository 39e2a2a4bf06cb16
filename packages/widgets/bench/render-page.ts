/**
 * The page the render benchmark drives (bundled by Vite in production mode, so Lit runs its production
 * build). It draws the same series with `<cs-churn-chart>` (the built package) and with uPlot, in
 * alternating runs, and reports each run's time.
 */
import '../dist/churn-chart/cs-churn-chart.js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { dailyChurnSeries, sampleCompany } from './report-fixture.js';

const stage = document.getElementById('stage') as HTMLElement;
/** The chart's plot box inside an 800 px element (figure padding and border: 34 px) and its 15rem height. */
const PLOT = { width: 800 - 34, height: 240 };

interface Case {
  /** What `<cs-churn-chart>` receives. */
  readonly chart: unknown;
  /** The same series for uPlot: x in seconds, y the logo churn rate. */
  readonly x: number[];
  readonly y: (number | null)[];
}

function seconds(period: string): number {
  const [y = 0, m = 1, d = 1] = period.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

function makeCase(kind: 'monthly' | 'daily'): Case {
  if (kind === 'monthly') {
    const report = sampleCompany({ months: 60 }).report;
    return {
      chart: report,
      x: report.months.map((m) => seconds(m.month)),
      y: report.months.map((m) => m.logoChurnRate),
    };
  }
  const series = dailyChurnSeries(3650);
  return { chart: series, x: series.points.map((p) => seconds(p.period)), y: series.points.map((p) => p.logo) };
}

/** Lets the previous run paint and settle outside the measurement. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function renderChart(data: unknown): Promise<number> {
  const start = performance.now();
  const el = document.createElement('cs-churn-chart');
  el.label = 'Logo churn';
  el.series = 'logo';
  el.data = data as never;
  stage.append(el);
  for (let i = 0; !el.shadowRoot?.querySelector('.plot > svg'); i++) {
    if (i > 10) throw new Error('<cs-churn-chart> did not draw');
    await el.updateComplete;
  }
  void stage.offsetHeight; // style and layout, as the browser would do before painting
  return performance.now() - start;
}

let plot: uPlot | undefined;

async function renderUplot(x: number[], y: (number | null)[]): Promise<number> {
  let drawn = false;
  const start = performance.now();
  plot = new uPlot(
    {
      width: PLOT.width,
      height: PLOT.height,
      legend: { show: false },
      series: [{}, { label: 'Logo churn', stroke: '#0072b2', width: 2 }],
      hooks: { draw: [() => (drawn = true)] },
    },
    [x, y],
    stage,
  );
  for (let i = 0; !drawn; i++) {
    if (i > 1000) throw new Error('uPlot did not draw');
    await Promise.resolve();
  }
  void stage.offsetHeight;
  return performance.now() - start;
}

function clear(): void {
  plot?.destroy();
  plot = undefined;
  stage.replaceChildren();
}

/** `warmup` unmeasured pairs, then `runs` measured pairs, alternating which goes first. */
async function runBench(kind: 'monthly' | 'daily', warmup: number, runs: number) {
  const c = makeCase(kind);
  const chart: number[] = [];
  const uplot: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const order = i % 2 === 0 ? (['chart', 'uplot'] as const) : (['uplot', 'chart'] as const);
    for (const who of order) {
      clear();
      await nextFrame();
      const time = who === 'chart' ? await renderChart(c.chart) : await renderUplot(c.x, c.y);
      if (i >= warmup) (who === 'chart' ? chart : uplot).push(time);
    }
  }
  clear();
  return { chart, uplot, points: c.x.length };
}

declare global {
  interface Window {
    runBench: typeof runBench;
  }
}
window.runBench = runBench;

// Render benchmark: first render of <cs-churn-chart> against uPlot drawing the same series, in Debian's
// Chromium, as a ratio measured in the same run. Needs `pnpm run build` first (it measures dist/).
// Prints the figures and writes them to the "Widgets render" section of BENCHMARKS.md at the repo root.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const outDir = path.join(os.tmpdir(), 'cskit-widgets-render-bench');
const RUNS = { monthly: Number(process.env.BENCH_RUNS ?? 41), daily: Number(process.env.BENCH_RUNS ?? 25) };
const WARMUP = 5;
const TARGET = { monthly: 1.2, daily: 2 };

if (!existsSync(path.join(here, '../dist/churn-chart/cs-churn-chart.js'))) {
  console.error('dist/ is missing: run `pnpm run build` in packages/widgets first.');
  process.exit(1);
}

await build({ root: here, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = http.createServer(async (req, res) => {
  const file = path.join(outDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  try {
    const body = await readFile(file.endsWith('/') ? path.join(file, 'index.html') : file);
    res.writeHead(200, { 'content-type': types[path.extname(file) || '.html'] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  headless: true,
  // As tools/chromium.ts: quiet on machines without a network or GPU.
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(error));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.runBench === 'function');
  for (const kind of /** @type {const} */ (['monthly', 'daily'])) {
    const result = await page.evaluate(([k, w, r]) => window.runBench(k, w, r), [kind, WARMUP, RUNS[kind]]);
    const chart = median(result.chart);
    const uplot = median(result.uplot);
    rows.push({
      kind,
      points: result.points,
      runs: RUNS[kind],
      chart,
      uplot,
      ratio: chart / uplot,
      target: TARGET[kind],
    });
  }
} finally {
  await browser.close();
  server.close();
}

const uplotVersion = JSON.parse(readFileSync(path.join(here, '../node_modules/uplot/package.json'), 'utf8')).version;
const chromiumVersion = browser.version();
const cpu = os.cpus();
const fmt = (n) => n.toFixed(2);
const table = [
  '| series | points | `<cs-churn-chart>` (ms) | uPlot (ms) | ratio | target |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.kind} | ${r.points.toLocaleString('en')} | ${fmt(r.chart)} | ${fmt(r.uplot)} | ${r.ratio.toFixed(2)}× ${r.ratio <= r.target ? '✓' : '✗'} | ≤ ${r.target}× |`,
  ),
];
console.log(table.join('\n'));

const section = `## Widgets render

First render of \`<cs-churn-chart>\` (logo churn, one line) against uPlot ${uplotVersion} drawing the same
series in the same page, alternating, in one run of \`pnpm --filter @cskit/widgets bench\`
(\`packages/widgets/bench/\`, measuring the built \`dist/\` bundled by Vite in production mode).
A run creates the element (or the uPlot instance), sets the data, attaches it, waits until it has drawn
(Lit's updates; uPlot's commit) and forces style and layout; painting is excluded for both. Plot area
${766} × 240 px, uPlot with its axes and without its legend. Median of ${RUNS.monthly} (monthly) and
${RUNS.daily} (daily) runs after ${WARMUP} warm-ups.

Chromium ${chromiumVersion} (headless, \`--disable-gpu\`), Node ${process.version}, ${cpu.length} × ${cpu[0]?.model?.trim() ?? 'CPU'},
${new Date().toISOString().slice(0, 10)}.

${table.join('\n')}
`;

const file = path.join(root, 'BENCHMARKS.md');
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
// Replace our own section if a previous run wrote one; leave every other section as it is.
const pattern = /## Widgets render\n[\s\S]*?(?=\n## |$)/;
const next = pattern.test(current)
  ? current.replace(pattern, section.trimEnd() + '\n')
  : `${current.trimEnd()}\n\n${section}`;
// Formatted as `pnpm lint` expects (prettier is the repository's formatter), so a run leaves lint green.
const prettier = await import('prettier');
writeFileSync(file, await prettier.format(next, { ...(await prettier.resolveConfig(file)), filepath: file }));
console.log(`Wrote the "Widgets render" section of ${path.relative(process.cwd(), file)}`);

// The published packages as a stranger gets them: `pnpm pack` each one, install the tarballs with npm
// into an empty app (no workspace, no pnpm, no path mapping), and check that app
// - type-checks with `strict` and `skipLibCheck: false` under both `nodenext` and `bundler` resolution,
//   importing every entry point and giving every element (and every React wrapper) the JSON the packed
//   CLI writes;
// - gets no runtime dependency of ours that none of the package's files imports, and no import of a
//   package the manifest does not declare.
// The app's TypeScript is the workspace's (the pinned version), to keep npm from downloading 20 MB.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const PACKAGES = ['core', 'connectors', 'warehouse', 'cli', 'widgets', 'react'];
const ELEMENTS = ['kpi', 'health-card', 'cohort-heatmap', 'churn-chart', 'nps-trend', 'mrr-bridge', 'customer-list'];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const started = performance.now();
const work = mkdtempSync(path.join(os.tmpdir(), 'cskit-pack-check-'));
const keep = process.env.KEEP_PACK_CHECK === '1';

function run(command, args, cwd, options = {}) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`, {
      cause: error,
    });
  }
}

const problems = [];
try {
  const tarballs = path.join(work, 'tarballs');
  mkdirSync(tarballs);
  for (const name of PACKAGES) {
    run('pnpm', ['pack', '--pack-destination', tarballs], path.join(root, 'packages', name));
  }

  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'stranger-app', version: '1.0.0', private: true, type: 'module' }, null, 2),
  );
  const files = readdirSync(tarballs).map((file) => path.join(tarballs, file));
  // npm installs @cskit/react's peer `react`; its types are an optional peer, which an app installs.
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...files, '@types/react@19'],
    app,
  );

  // The JSON the packed CLI writes, imported as JSON modules: literal types widen (`version: number`).
  const cskit = path.join(app, 'node_modules/@cskit/cli/dist/bin.js');
  for (const command of ['report', 'health']) {
    const json = run(process.execPath, [cskit, command, '--sample', '--format', 'json'], app, {
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(path.join(app, `${command}.json`), json);
  }
  // A subscriptions file big enough to be read in parts on worker threads: the worker's module must
  // resolve inside the installed package, not only in the workspace.
  const lines = ['line_id,customer_id,start_date,amount,interval,currency'];
  for (let i = 0; i < 450_000; i++) lines.push(`L${i},c${i % 5000},2024-0${1 + (i % 9)}-01,10.00,month,USD`);
  writeFileSync(path.join(app, 'big.csv'), lines.join('\n') + '\n');
  const bigReport = JSON.parse(
    run(process.execPath, [cskit, 'report', '--subscriptions', 'big.csv', '--format', 'json'], app, {
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  // Every line is 10.00 a month and runs on: by 2024-09 all 450,000 are active (18 MB: two 8 MiB parts).
  const september = bigReport.months.find((m) => m.month === '2024-09');
  if (september?.mrr !== 4_500_000)
    problems.push(`cskit report on a big file: 2024-09 MRR ${september?.mrr}, expected 4500000`);

  const explainArgs = ['explain', '--sample', '--month', '2025-03', '--movement', 'churn', '--format', 'json'];
  writeFileSync(path.join(app, 'explain.json'), run(process.execPath, [cskit, ...explainArgs], app));

  const entries = ELEMENTS.flatMap((element) => [`@cskit/widgets/${element}`, `@cskit/widgets/${element}/class`]);
  writeFileSync(
    path.join(app, 'app.ts'),
    `${entries.map((entry) => `import '${entry}';`).join('\n')}
import { buildReport } from '@cskit/core';
import { sampleDataset } from '@cskit/core/sample';
import * as connectors from '@cskit/connectors';
import type { CsHealthCard } from '@cskit/widgets/health-card/class';
import { preloadLocale, supportedLanguages } from '@cskit/widgets/locales';
import healthJson from './health.json' with { type: 'json' };
import reportJson from './report.json' with { type: 'json' };

const card: CsHealthCard = document.createElement('cs-health-card');
card.data = healthJson;
card.data = healthJson.customers[0];
card.theme = 'dark';
document.createElement('cs-kpi').data = reportJson;
document.createElement('cs-cohort-heatmap').data = reportJson;
document.createElement('cs-churn-chart').data = reportJson;
document.createElement('cs-nps-trend').data = reportJson;
document.createElement('cs-mrr-bridge').data = reportJson;

// The types still say no to what no element draws.
// @ts-expect-error a report is not health data
card.data = reportJson;
// @ts-expect-error nor is a string
document.createElement('cs-kpi').data = 'mrr';
// @ts-expect-error themes are light, dark or ''
card.theme = 'sepia';

const spanish: Promise<void> = preloadLocale('es-MX');
// @ts-expect-error a locale is a BCP 47 string
void preloadLocale(['es']);

export const used = [buildReport, sampleDataset, connectors, spanish, supportedLanguages];
`,
  );

  // The React wrappers as a React app uses them: each entry point, element properties, typed events.
  writeFileSync(
    path.join(app, 'react-app.tsx'),
    `${ELEMENTS.map((element) => `import '@cskit/react/${element}';`).join('\n')}
import { ChurnChart, CohortHeatmap, CustomerList, HealthCard, Kpi, MrrBridge, NpsTrend } from '@cskit/react';
import explainJson from './explain.json' with { type: 'json' };
import healthJson from './health.json' with { type: 'json' };
import reportJson from './report.json' with { type: 'json' };

export const page = (
  <main>
    <Kpi label="MRR" metric="mrr" data={reportJson} onCsPointSelect={(event) => event.detail.value} />
    <HealthCard customerId="cus_000006" data={healthJson} onCsDataError={(event) => event.detail.reason} />
    <CohortHeatmap label="Retention" data={reportJson} onCsCellSelect={(event) => event.detail.age} />
    <ChurnChart label="Churn" data={reportJson} onCsPointSelect={(event) => event.detail.period} />
    <NpsTrend label="NPS" data={reportJson} windowMonths={3} />
    <MrrBridge label="MRR bridge" data={reportJson} month="2025-03" />
    <CustomerList label="Churned" data={explainJson} customerHref="/customers/{customerId}" onCsDataError={(event) => event.detail.reason} />
    {/* @ts-expect-error data is an object, never a string */}
    <ChurnChart data="report.json" />
  </main>
);
`,
  );

  for (const resolution of ['nodenext', 'bundler']) {
    const compilerOptions = {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: resolution === 'nodenext' ? 'nodenext' : 'esnext',
      moduleResolution: resolution,
      strict: true,
      skipLibCheck: false,
      resolveJsonModule: true,
      jsx: 'react-jsx',
      noEmit: true,
      types: [],
    };
    const config = `tsconfig.${resolution}.json`;
    writeFileSync(
      path.join(app, config),
      JSON.stringify({ compilerOptions, files: ['app.ts', 'react-app.tsx'] }, null, 2),
    );
    try {
      execFileSync(process.execPath, [tsc, '-p', config], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      problems.push(`tsc with moduleResolution ${resolution}:\n${error.stdout}${error.stderr}`);
    }
  }

  // A runtime dependency that no shipped file imports only costs installs (and confuses audits).
  for (const name of PACKAGES) {
    const dir = path.join(app, 'node_modules/@cskit', name);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const shipped = readdirSync(dir, { recursive: true })
      .filter((file) => /\.(m?js|d\.ts)$/.test(file))
      .map((file) => readFileSync(path.join(dir, file), 'utf8'))
      .join('\n');
    // And the converse: a bare import of a package the manifest does not declare works in this
    // workspace (hoisted devDependencies) and fails in a user's app.
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
      manifest.name,
    ]);
    const builtIn = /^node:/;
    const specifiers = [
      // import … from 'x' / export … from 'x' (named lists may span lines), import 'x', import('x')
      ...shipped.matchAll(/^\s*(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]/gm),
      ...shipped.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
      ...shipped.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((match) => match[1]);
    for (const specifier of specifiers.filter((s) => !s.startsWith('.'))) {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (!builtIn.test(specifier) && !declared.has(name)) {
        problems.push(`${manifest.name} imports ${specifier}, which its package.json does not declare`);
        declared.add(name);
      }
    }
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      const escaped = dependency.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const imported = new RegExp(`(?:from\\s*|import\\s*\\(?\\s*)['"]${escaped}(?:/[^'"]*)?['"]`);
      if (!imported.test(shipped))
        problems.push(`${manifest.name} depends on ${dependency}, which none of its files imports`);
    }
  }
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  console.error(`The packed packages fail in an empty npm app (${seconds} s):\n\n${problems.join('\n\n')}`);
  process.exit(1);
}
console.log(`The packed packages install and type-check in an empty npm app (${seconds} s).`);

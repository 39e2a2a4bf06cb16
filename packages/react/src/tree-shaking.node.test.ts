// `"sideEffects": false` is what lets a bundler keep only the wrappers an app uses from the package
// root, and with each wrapper its element's registration (which @cskit/widgets marks as a side
// effect). This builds a tiny app with Vite, as users do, and reads what the bundle kept.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Bundles `source` (an app's entry module; what it hands to `render` is used) and returns the code. */
async function bundle(source: string): Promise<string> {
  const result = await build({
    root: path.join(here, '..'),
    configFile: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'app-entry',
        resolveId: (id) => (id === 'app-entry' ? id : undefined),
        load: (id) => (id === 'app-entry' ? source : undefined),
      },
    ],
    build: {
      write: false,
      minify: false,
      rollupOptions: { input: 'app-entry', external: ['react', 'react-dom'] },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return outputs.flatMap(({ output }) => output.map((chunk) => ('code' in chunk ? chunk.code : ''))).join('\n');
}

const tags = [
  'cs-kpi',
  'cs-health-card',
  'cs-cohort-heatmap',
  'cs-churn-chart',
  'cs-nps-trend',
  'cs-mrr-bridge',
  'cs-customer-list',
];
const registered = (code: string) => tags.filter((tag) => code.includes(`defineElement("${tag}"`));

describe('a bundled app', () => {
  it('keeps only the wrapper it imports from the package root, and registers only its element', async () => {
    const code = await bundle(`import { Kpi } from '@cskit/react'; render(Kpi);`);
    expect(registered(code)).toEqual(['cs-kpi']);
    expect(code).toContain('customElements.define');
  });

  it('keeps two wrappers imported from their own entry points, with their registrations', async () => {
    const code = await bundle(
      `import { ChurnChart } from '@cskit/react/churn-chart';
       import { HealthCard } from '@cskit/react/health-card';
       render(ChurnChart, HealthCard);`,
    );
    expect(registered(code).sort()).toEqual(['cs-churn-chart', 'cs-health-card']);
  });
});

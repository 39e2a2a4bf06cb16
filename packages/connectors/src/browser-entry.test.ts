import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

type Exports = Record<string, unknown>;

/**
 * Resolves an export of this package as a bundler targeting browsers does (Node's algorithm: the first
 * key, in order, that is one of `conditions` or `default`), as a source file.
 */
async function resolveExport(subpath: string, conditions: readonly string[]): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { exports: Exports };
  let target: unknown = manifest.exports[subpath];
  while (target !== null && typeof target === 'object') {
    const entry = Object.entries(target as Exports).find(([key]) => key === 'default' || conditions.includes(key));
    target = entry?.[1];
  }
  if (typeof target !== 'string') return undefined;
  // dist/x/y.js is built from src/x/y.ts.
  return join(packageDir, target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
}

/** Every module a file loads at run time (type-only imports are erased), and the packages it imports. */
async function moduleGraph(entry: string): Promise<{ files: string[]; packages: Set<string> }> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (files.has(file)) return;
    files.add(file);
    const source = await readFile(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm),
    ].map((match) => match[1] ?? match[2] ?? '');
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) await visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  await visit(entry);
  return { files: [...files].map((file) => relative(packageDir, file)), packages };
}

const BROWSER = ['browser', 'import', 'module'];

describe('what a browser bundle of @cskit/connectors can reach', () => {
  it('gets a stub that throws, not the connectors, for ./stripe, ./zendesk, ./hubspot, ./rest, ./sql and ./mocks/node', async () => {
    for (const subpath of ['./stripe', './zendesk', './hubspot', './rest', './sql', './csv-file', './mocks/node']) {
      const file = await resolveExport(subpath, BROWSER);
      expect(file && relative(packageDir, file)).toBe('src/node-only.ts');
      expect(await readFile(file ?? '', 'utf8')).toMatch(/^throw new Error\(/m);
    }
    // Node gets the real thing.
    expect(await resolveExport('./stripe', ['node', 'import'])).toBe(join(packageDir, 'src/stripe/index.ts'));
    expect(await resolveExport('./zendesk', ['node', 'import'])).toBe(join(packageDir, 'src/zendesk/index.ts'));
    expect(await resolveExport('./hubspot', ['node', 'import'])).toBe(join(packageDir, 'src/hubspot/index.ts'));
  });

  it('has no secret-handling code, Stripe SDK or Node built-in behind the browser entries', async () => {
    for (const subpath of ['.', './csv', './arrow', './dataset', './rest-mapping', './mocks']) {
      const file = await resolveExport(subpath, BROWSER);
      if (file === undefined) throw new Error(`${subpath} does not resolve for browsers`);
      const { files, packages } = await moduleGraph(file);
      expect(
        files.filter((f) =>
          /src\/(stripe|zendesk|hubspot|sql|sync|http|delighted|typeform)\/|rest\/(sync-rest|rest-pages)|serve-handlers|node-only/.test(
            f,
          ),
        ),
      ).toEqual([]);
      expect([...packages].filter((p) => p === 'stripe' || p.startsWith('@hubspot/') || p.startsWith('node:'))).toEqual(
        [],
      );
    }
  });

  it('sees the Stripe connector and the file system behind ./stripe for Node (the check can fail)', async () => {
    const { files, packages } = await moduleGraph((await resolveExport('./stripe', ['node', 'import'])) ?? '');
    expect(files).toContain('src/stripe/sync-stripe.ts');
    expect(packages).toContain('stripe');
    expect(packages).toContain('node:fs/promises');
  });
});

/** Where secrets would show: the variables that hold them, and the code that reads them. */
const SECRET_NAMES = [
  'STRIPE_API_KEY',
  'ZENDESK_API_TOKEN',
  'ZENDESK_EMAIL',
  'HUBSPOT_ACCESS_TOKEN',
  'DATABASE_URL',
  'PGPASSWORD',
  'process.env',
  'api.stripe.com',
  'sk_live_',
];
/** Connector code: our syncs and clients, and the SDKs and drivers they load. */
const CONNECTOR_MODULES =
  /connectors\/src\/(stripe|zendesk|sql|sync|http)\/|serve-handlers|\/node_modules\/(\.pnpm\/)?(stripe|pg|pg-[a-z-]+|@duckdb|@electric-sql|@hubspot)[@/]|^(pg|@duckdb\/node-api)$|__vite-browser-external/;

/** A bundle of some imports, as an app's browser build makes it. */
interface Bundle {
  readonly code: string;
  readonly modules: readonly string[];
}

/**
 * Bundles `imports` with Vite for the browser (its default resolve conditions: `browser`, `module`,
 * `import`, never `node`), as a user's app build would, unminified. `@cskit/connectors` resolves through
 * its package.json `exports` to `dist/`, which is mapped back to `src/` so this checks the code of this
 * change, not a stale build; `@cskit/core` and `@cskit/widgets` are their built `dist/`, as published.
 */
async function bundleForBrowser(imports: readonly string[], conditions?: readonly string[]): Promise<Bundle> {
  const entry = imports.map((specifier, index) => `export * as m${index} from '${specifier}';`).join('\n');
  const plugin: Plugin = {
    name: 'entry-and-sources',
    enforce: 'pre',
    resolveId: async function (source, importer) {
      if (source === 'virtual:entry') return '\0entry';
      if (!source.startsWith('@cskit/connectors')) return undefined;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id.replace(`${packageDir}dist/`, `${packageDir}src/`).replace(/\.js$/, '.ts');
    },
    load: (id) => (id === '\0entry' ? entry : undefined),
  };
  const result = await build({
    root: packageDir,
    configFile: false,
    logLevel: 'silent',
    plugins: [plugin],
    ...(conditions === undefined ? {} : { resolve: { conditions: [...conditions] } }),
    // The drivers stay outside (a native binary cannot be bundled); an import of them shows in `modules`.
    build: {
      write: false,
      minify: false,
      rollupOptions: {
        input: 'virtual:entry',
        external: ['pg', '@duckdb/node-api'],
        // Every export stays, as if the app used all of it (an app build would drop unused ones).
        preserveEntrySignatures: 'strict',
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((file) => file.type === 'chunk');
  return {
    code: chunks.map((chunk) => chunk.code).join('\n'),
    modules: chunks.flatMap((chunk) => [...chunk.moduleIds, ...chunk.imports, ...chunk.dynamicImports]),
  };
}

/** What of connector code and secret handling a bundle holds: empty for a browser-safe one. */
function connectorCode(bundle: Bundle): string[] {
  return [
    ...bundle.modules.filter((id) => CONNECTOR_MODULES.test(id)),
    ...SECRET_NAMES.filter((name) => bundle.code.includes(name)),
  ];
}

describe('browser bundles hold no connector or secret-handling code', () => {
  it('of @cskit/connectors: its browser entries, and the stubs its Node-only entries are there', async () => {
    const bundle = await bundleForBrowser([
      '@cskit/connectors',
      '@cskit/connectors/csv',
      '@cskit/connectors/stripe',
      '@cskit/connectors/zendesk',
      '@cskit/connectors/sql',
      '@cskit/connectors/mocks/node',
    ]);
    expect(connectorCode(bundle)).toEqual([]);
    // The CSV readers are in (the bundle is not empty), and the Node-only entries are the throwing stub.
    expect(bundle.modules).toContain(`${packageDir}src/csv/read-csv.ts`);
    expect(bundle.modules).toContain(`${packageDir}src/node-only.ts`);
    expect(bundle.code).toContain('this entry point runs only in Node');
  });

  it('of @cskit/widgets: every element of its dist', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../widgets/package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const elements = Object.keys(manifest.exports)
      .filter((subpath) => !subpath.endsWith('.json'))
      .map((subpath) => `@cskit/widgets/${subpath.slice(2)}`);
    expect(elements).toContain('@cskit/widgets/customer-list');
    const bundle = await bundleForBrowser(elements);
    expect(connectorCode(bundle)).toEqual([]);
    expect(bundle.modules.filter((id) => id.includes('/connectors/'))).toEqual([]);
    expect(bundle.modules.some((id) => id.endsWith('widgets/dist/kpi/cs-kpi.js'))).toBe(true);
  });

  it('would show the SQL connector if a bundle resolved it for Node (the check can fail)', async () => {
    const bundle = await bundleForBrowser(['@cskit/connectors/sql'], ['node', 'import', 'default']);
    expect(connectorCode(bundle)).toEqual(
      expect.arrayContaining([`${packageDir}src/sql/postgres-source.ts`, `${packageDir}src/sync/sync-store.ts`]),
    );
  });
});

import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  it('gets a stub that throws, not the connectors, for ./stripe, ./zendesk, ./sql and ./mocks/node', async () => {
    for (const subpath of ['./stripe', './zendesk', './sql', './mocks/node']) {
      const file = await resolveExport(subpath, BROWSER);
      expect(file && relative(packageDir, file)).toBe('src/node-only.ts');
      expect(await readFile(file ?? '', 'utf8')).toMatch(/^throw new Error\(/m);
    }
    // Node gets the real thing.
    expect(await resolveExport('./stripe', ['node', 'import'])).toBe(join(packageDir, 'src/stripe/index.ts'));
    expect(await resolveExport('./zendesk', ['node', 'import'])).toBe(join(packageDir, 'src/zendesk/index.ts'));
  });

  it('has no secret-handling code, Stripe SDK or Node built-in behind the browser entries', async () => {
    for (const subpath of ['.', './csv', './mocks']) {
      const file = await resolveExport(subpath, BROWSER);
      if (file === undefined) throw new Error(`${subpath} does not resolve for browsers`);
      const { files, packages } = await moduleGraph(file);
      expect(files.filter((f) => /src\/(stripe|zendesk|sql|sync|http)\/|serve-handlers|node-only/.test(f))).toEqual([]);
      expect([...packages].filter((p) => p === 'stripe' || p.startsWith('node:'))).toEqual([]);
    }
  });

  it('sees the Stripe connector and the file system behind ./stripe for Node (the check can fail)', async () => {
    const { files, packages } = await moduleGraph((await resolveExport('./stripe', ['node', 'import'])) ?? '');
    expect(files).toContain('src/stripe/sync-stripe.ts');
    expect(packages).toContain('stripe');
    expect(packages).toContain('node:fs/promises');
  });
});

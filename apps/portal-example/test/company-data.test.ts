import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSample, sampleToCsv } from '@cskit/core/sample';
import { afterAll, describe, expect, it } from 'vitest';
import { readCompany } from '../src/server/company-data.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-data-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('readCompany', () => {
  it('reads a folder of exports (`--data`) as it reads the sample company', async () => {
    const csv = sampleToCsv(generateSample());
    const dir = folderWith(Object.fromEntries(Object.entries(csv).map(([entity, text]) => [`${entity}.csv`, text])));
    const fromFolder = await readCompany({ kind: 'folder', dir });
    expect(fromFolder).toEqual(await readCompany({ kind: 'sample' }));
    expect(fromFolder.subscriptions.length).toBeGreaterThan(1000);
  });

  it('needs subscriptions.csv, reads the other files only when present, and names a bad record', async () => {
    await expect(readCompany({ kind: 'folder', dir: folderWith({}) })).rejects.toThrow(/No subscriptions\.csv in/);
    const onlyLines = folderWith({
      'subscriptions.csv': 'customer_id,start_date,mrr,currency\nacme,2025-01-01,100,EUR\n',
    });
    const company = await readCompany({ kind: 'folder', dir: onlyLines });
    expect(company.subscriptions).toHaveLength(1);
    expect(company.customers).toEqual([]);
    const bad = folderWith({ 'subscriptions.csv': 'customer_id,start_date,mrr,currency\nacme,2025-01-01,lots,EUR\n' });
    await expect(readCompany({ kind: 'folder', dir: bad })).rejects.toThrow(/subscriptions\.csv.*mrr/s);
  });
});

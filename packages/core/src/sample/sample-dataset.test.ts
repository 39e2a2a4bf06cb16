import { describe, expect, it } from 'vitest';
import { generateSample } from './generate-sample.js';
import { sampleDataset } from './sample-dataset.js';

describe('sampleDataset', () => {
  it('reads every generated record, dropping none', () => {
    const options = { seed: 7, customers: 150, months: 12 };
    const raw = generateSample(options);
    const dataset = sampleDataset(options);
    expect(dataset.subscriptions).toHaveLength(raw.subscriptions.length);
    expect(dataset.customers).toHaveLength(raw.customers.length);
    expect(dataset.fx).toHaveLength(raw.fx.length);
    expect(dataset.nps).toHaveLength(raw.nps.length);
    expect(dataset.tickets).toHaveLength(raw.tickets.length);
    expect(dataset.currency).toBe('USD');
    expect(dataset.lastMonth).toBe(raw.lastMonth);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SubscriptionColumns } from '@cskit/core';
import { readReportInputs } from './read-inputs.js';
import { parseReportArguments } from './report-arguments.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));

describe('readReportInputs', () => {
  it('streams the subscriptions into columns with --fx too, keeping each line_id for FX errors', async () => {
    const args = parseReportArguments([
      '--subscriptions',
      fixture('multi-currency-lines.csv'),
      '--fx',
      fixture('fx-several.csv'),
    ]);
    const { subscriptions } = await readReportInputs(args);
    expect(Array.isArray(subscriptions)).toBe(false);
    expect((subscriptions as SubscriptionColumns).lineIds).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8']);
  });

  it('keeps no line_id without --fx, and reads the sample as line objects', async () => {
    const plain = await readReportInputs(
      parseReportArguments(['--subscriptions', fixture('multi-currency-lines.csv')]),
    );
    expect((plain.subscriptions as SubscriptionColumns).lineIds).toBeUndefined();
    const sample = await readReportInputs(parseReportArguments(['--sample']));
    expect(Array.isArray(sample.subscriptions)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { toHealthView, type HealthCardInput } from './health-card-data.js';

/**
 * A `cskit health` JSON as TypeScript types it when imported as a JSON module: literals widen, so
 * `version` is `number` and `band` is `string`. Assigning it to `HealthCardInput` is the compile-time
 * half of this test (`pnpm typecheck` fails if the types demand the literals again).
 */
function importedJson(version: number, band: string) {
  return {
    version,
    asOf: '2024-12-31',
    bands: { red: 0, yellow: 40, green: 70 },
    customers: [
      {
        customerId: 'cus_1',
        name: 'Acme',
        segment: 'vip',
        score: 81.5,
        band,
        trend: 4.1,
        factors: [{ key: 'nps', label: 'NPS', raw: 9, score: 100, weight: 1, contribution: 100 }],
        missing: ['seatUtilisation'],
      },
    ],
    segments: [],
  };
}

describe('health JSON imported as a JSON module', () => {
  it('type-checks as the card input and draws when it is version 1 with a known band', () => {
    const input: HealthCardInput = importedJson(1, 'green');
    const view = toHealthView(input, { customerId: 'cus_1', segment: '' });
    expect(view).toMatchObject({ kind: 'customer', band: 'green', asOf: '2024-12-31' });
  });

  it('is an error naming the version when the version is not 1', () => {
    const input: HealthCardInput = importedJson(2, 'green');
    expect(toHealthView(input, { customerId: 'cus_1', segment: '' })).toEqual({
      problem: 'unsupported health report version 2',
    });
  });

  it('is an error naming the field when the band is no band', () => {
    const input: HealthCardInput = importedJson(1, 'blue');
    expect(toHealthView(input, { customerId: 'cus_1', segment: '' })).toEqual({
      problem: 'customers[0].band is not red, yellow or green',
    });
  });
});

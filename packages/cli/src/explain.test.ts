import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '@cskit/core';
import type { MovementExplanationJson, RateExplanationJson } from '@cskit/core';
import { EXPLAINED_MOVEMENTS } from './explain-arguments.js';
import { runCskit as cskit } from './test-support/run-cskit.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
const SUBSCRIPTIONS = fixture('subscriptions.csv');

const explain = (...argv: string[]) => cskit(['explain', '--subscriptions', SUBSCRIPTIONS, ...argv]);

// subscriptions.csv, by hand (USD, month-end snapshots):
//   2024-01: acme L1 100, globex L2 2 × 50 = 100 → both new, 200.
//   2024-02: initech L3 1,200 a year = 100 a month, new.
//   2024-03: globex's L2 ended 2024-03-10 → churn 100; acme adds L4 Insights 20 → expansion 20 (100 → 120).
describe('cskit explain --movement', () => {
  it('lists the customers behind the churn of a month with their MRR before and after and their lines', async () => {
    const { code, stdout, stderr } = await explain('--month', '2024-03', '--movement', 'churn', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      version: 1,
      currency: 'USD',
      month: '2024-03',
      movement: 'churn',
      mrr: 100,
      customers: [
        {
          customerId: 'globex',
          previousMrr: 100, // 2 seats × 50
          mrr: 0,
          amount: 100,
          lines: [
            { lineId: 'L2', subscriptionId: 'S2', product: 'Platform', plan: 'Growth', previousMrr: 100, mrr: 0 },
          ],
        },
      ],
    } satisfies MovementExplanationJson);
  });

  it('puts the lines that moved before the unchanged ones', async () => {
    const { stdout } = await explain('--month', '2024-03', '--movement', 'expansion', '--format', 'json');
    const result = JSON.parse(stdout) as MovementExplanationJson;
    expect(result.mrr).toBe(20);
    expect(result.customers.map((c) => [c.customerId, c.previousMrr, c.mrr, c.amount])).toEqual([
      ['acme', 100, 120, 20],
    ]);
    // L4 is new (0 → 20); L1 stays at 100.
    expect(result.customers[0]?.lines.map((l) => [l.lineId, l.previousMrr, l.mrr])).toEqual([
      ['L4', 0, 20],
      ['L1', 100, 100],
    ]);
  });

  it('sorts customers by amount, largest first, and lists a month without the movement as empty', async () => {
    // 2024-01: acme 100 and globex 100 are both new; equal amounts are ordered by id.
    const january = JSON.parse(
      (await explain('--month', '2024-01', '--movement', 'new')).stdout,
    ) as MovementExplanationJson;
    expect(january.mrr).toBe(200);
    expect(january.customers.map((c) => [c.customerId, c.amount])).toEqual([
      ['acme', 100],
      ['globex', 100],
    ]);
    // A month after the input explains to nothing, as the report prints 0 for it.
    const later = JSON.parse(
      (await explain('--month', '2024-06', '--movement', 'churn')).stdout,
    ) as MovementExplanationJson;
    expect([later.mrr, later.customers]).toEqual([0, []]);
  });

  it('prints a table with a total row and CSV with one row per customer', async () => {
    const table = await explain('--month', '2024-03', '--movement', 'churn', '--format', 'table');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('churn: 100.00 USD from 1 customer');
    expect(table.stdout).toMatch(/^globex +100\.00 +0\.00 +100\.00$/m);
    expect(table.stdout).toMatch(/^Total +100\.00$/m);
    const csv = await explain('--month', '2024-01', '--movement', 'new', '--format', 'csv');
    expect(csv.stdout).toBe(
      'month,currency,movement,customer_id,previous_mrr,mrr,amount\n' +
        '2024-01,USD,new,acme,0,100,100\n' +
        '2024-01,USD,new,globex,0,100,100\n',
    );
  });
});

describe('cskit explain --rate', () => {
  it('takes NRR apart into numerator, denominator and the customers of each movement in it', async () => {
    const { code, stdout } = await explain('--month', '2024-03', '--rate', 'nrr', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as RateExplanationJson;
    expect(result).toMatchObject({ version: 1, currency: 'USD', month: '2024-03', rate: 'nrr' });
    expect(result.numerator).toBe(220); // 300 − 100 churn − 0 contraction + 20 expansion
    expect(result.denominator).toBe(300); // MRR of 2024-02
    expect(result.value).toBeCloseTo(220 / 300, 12);
    expect(result.movements.map((m) => [m.movement, m.mrr, m.customers.map((c) => c.customerId)])).toEqual([
      ['expansion', 20, ['acme']],
      ['churn', 100, ['globex']],
      ['contraction', 0, []],
    ]);
  });

  it('counts customers, not money, for the logo churn rate', async () => {
    const result = JSON.parse(
      (await explain('--month', '2024-03', '--rate', 'logoChurnRate')).stdout,
    ) as RateExplanationJson;
    expect([result.numerator, result.denominator]).toEqual([1, 3]); // globex of acme, globex, initech
    const table = await explain('--month', '2024-03', '--rate', 'logoChurnRate', '--format', 'table');
    expect(table.stdout).toContain('= 1 ÷ 3 = 33.3%');
  });
});

describe('cskit explain on the sample company', () => {
  it("lists customers whose amounts add up to the report's number, for every movement of a month", async () => {
    const report = JSON.parse((await cskit(['report', '--sample', '--format', 'json'])).stdout) as Report;
    // The last month, where every movement has customers: each run generates the whole sample, so one
    // month keeps the test quick on a busy CI machine. (Core's explanation-json.test.ts checks every
    // month of the sample.)
    const months = [report.months.at(-1)].filter((m) => m !== undefined);
    expect(months).toHaveLength(1);
    let nonEmpty = 0;
    for (const month of months) {
      for (const movement of ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const) {
        const { code, stdout } = await cskit(['explain', '--sample', '--month', month.month, '--movement', movement]);
        expect(code).toBe(0);
        const result = JSON.parse(stdout) as MovementExplanationJson;
        expect(result.mrr, `${month.month} ${movement}`).toBe(month.movements[movement].mrr);
        expect(result.customers.length, `${month.month} ${movement}`).toBe(month.movements[movement].customers);
        const sum = result.customers.reduce((total, c) => total + c.amount, 0);
        // Amounts are rounded to the cent one by one: their sum is the total within half a cent each.
        expect(Math.abs(sum - result.mrr)).toBeLessThanOrEqual(0.005 * result.customers.length + 1e-9);
        // Each of the three is rounded on its own: within a cent of each other.
        for (const c of result.customers)
          expect(Math.abs(c.amount - Math.abs(c.mrr - c.previousMrr))).toBeLessThan(0.0101);
        if (result.customers.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBe(5);
  });
});

describe('cskit explain: usage and input errors', () => {
  it.each([
    [['--movement', 'churn'], 'missing --month <YYYY-MM>'],
    [['--month', '2024-3', '--movement', 'churn'], '--month must be a month as YYYY-MM, got "2024-3"'],
    [['--month', '2024-03'], 'missing --movement <kind> or --rate <name>'],
    [
      ['--month', '2024-03', '--movement', 'churned'],
      `--movement must be ${'new, expansion, contraction, churn, reactivation, upsell or crossSell'}, got "churned"`,
    ],
    [
      ['--month', '2024-03', '--rate', 'nrr12'],
      '--rate must be logoChurnRate, grossMrrChurnRate, netMrrChurnRate, grr, nrr or quickRatio, got "nrr12"',
    ],
    [['--month', '2024-03', '--movement', 'churn', '--rate', 'nrr'], '--movement and --rate cannot be combined'],
  ])('exits with status 2 for %j', async (argv, message) => {
    const { code, stdout, stderr } = await explain(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`cskit explain: ${message}`);
  });

  it('needs --subscriptions or --sample, like cskit report', async () => {
    const { code, stderr } = await cskit(['explain', '--month', '2024-03', '--movement', 'churn']);
    expect(code).toBe(2);
    expect(stderr).toContain('missing --subscriptions');
  });

  it('exits with status 1 and names the record for invalid input', async () => {
    const { code, stdout, stderr } = await cskit([
      'explain',
      '--subscriptions',
      fixture('invalid-subscriptions.csv'),
      '--month',
      '2024-03',
      '--movement',
      'churn',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: .*invalid-subscriptions\.csv row \d+/m);
  });

  it('prints its help, and cskit --help lists it', async () => {
    const help = await cskit(['explain', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--movement <kind>');
    expect(EXPLAINED_MOVEMENTS.every((m) => help.stdout.includes(m))).toBe(true);
    expect((await cskit(['--help'])).stdout).toMatch(/^ {2}explain +/m);
  });
});

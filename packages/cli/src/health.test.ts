import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { HealthReport } from '@cskit/core';
import { run } from './run.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
const INPUTS = [
  '--subscriptions',
  fixture('subscriptions.csv'),
  '--customers',
  fixture('customers.csv'),
  '--usage',
  fixture('usage.csv'),
  '--nps',
  fixture('nps.csv'),
  '--tickets',
  fixture('tickets.csv'),
];

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cskit(argv: readonly string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

async function healthJson(argv: readonly string[]): Promise<HealthReport> {
  const { code, stdout, stderr } = await cskit(['health', ...argv, '--format', 'json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as HealthReport;
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe('cskit health --format json', () => {
  // acme on 2024-04-30 (the default --as-of: usage.csv's latest date is 2024-04-28), default model:
  //   nps               latest answer 9 (2024-01-20)                  → band ≤ 10 → 100, weight 0.25
  //   seatUtilisation   1 user (acme-u1) in 30 days ÷ 2 seats (L1, L4) = 0.5 → 0.5 ÷ 0.8 → 62.5, weight 0.2
  //   daysSinceLastUsage 2024-04-30 − 2024-04-28 = 2 days              → band ≤ 7 → 100, weight 0.15
  //   mrrChange         MRR 120 (100 + 20) vs 100 on 2024-01-30 = +0.2 → above 0.1 → 100, weight 0.2
  //   ticketVolume      no ticket since 2024-01-31 = 0                → below 2 → 100, weight 0.1
  //   slaBreachRate     no SLA targets                                → missing
  //   score = (25 + 12.5 + 15 + 20 + 10) ÷ 0.9 = 82.5 ÷ 0.9 = 91.67 → green
  it('scores acme by the default model of metrics.md §6 on the last day of the latest month', async () => {
    const report = await healthJson(INPUTS);
    expect(report.version).toBe(1);
    expect(report.asOf).toBe('2024-04-30');
    expect(report.bands).toEqual({ red: 0, yellow: 40, green: 70 });
    // globex ended 2024-03-10, so it is not active on 2024-04-30.
    expect(report.customers.map((c) => c.customerId)).toEqual(['acme', 'initech']);
    const acme = report.customers[0];
    expect(acme?.name).toBe('Acme, Inc.');
    expect(acme?.score).toBeCloseTo(82.5 / 0.9, 10);
    expect(acme?.band).toBe('green');
    expect(acme?.missing).toEqual(['slaBreachRate']);
    expect(acme?.factors.map((f) => [f.key, f.raw, f.score])).toEqual([
      ['nps', 9, 100],
      ['seatUtilisation', 0.5, 62.5],
      ['daysSinceLastUsage', 2, 100],
      ['mrrChange', expect.closeTo(0.2, 10), 100],
      ['ticketVolume', 0, 100],
    ]);
    const seats = acme?.factors.find((f) => f.key === 'seatUtilisation');
    expect(seats?.weight).toBeCloseTo(0.2 / 0.9, 10);
    expect(seats?.contribution).toBeCloseTo((0.2 * 62.5) / 0.9, 10); // 13.89
    // Every segment with customers has a roll-up.
    expect(report.segments.reduce((sum, s) => sum + s.customers, 0)).toBe(2);
  });

  it('has exactly the keys of the health JSON in shared/spec/report.md', async () => {
    const report = await healthJson(INPUTS);
    expect(Object.keys(report)).toEqual(['version', 'asOf', 'bands', 'customers', 'segments']);
    expect(Object.keys(report.customers[0] ?? {}).sort()).toEqual(
      ['band', 'customerId', 'factors', 'missing', 'name', 'score', 'segment', 'trend'].sort(),
    );
    expect(Object.keys(report.customers[0]?.factors[0] ?? {})).toEqual([
      'key',
      'label',
      'raw',
      'score',
      'weight',
      'configuredWeight',
      'contribution',
    ]);
    // metrics.md §11: weight is renormalised over the present factors, configuredWeight is the model's.
    // acme misses slaBreachRate (0.1): NPS 0.25 ÷ 0.9 = 0.2778.
    const nps = report.customers[0]?.factors[0];
    expect(nps?.configuredWeight).toBe(0.25);
    expect(nps?.weight).toBeCloseTo(0.25 / 0.9, 12);
    expect(Object.keys(report.segments[0] ?? {})).toEqual(['segment', 'customers', 'score', 'band']);
  });

  // On 2024-02-29 globex is active and acme has no usage yet: nps 9 → 100 (0.25); seats 0 users ÷ 1
  // seat → 0 (0.2); never used, so days count from its start 2024-01-01: 59 → band ≤ 60 → 25 (0.15);
  // mrrChange from no MRR three months before is missing; tickets: T1 → 1 → 100 (0.1).
  // Score = (25 + 0 + 3.75 + 10) ÷ 0.7 = 55.36 → yellow.
  it('scores the day given by --as-of', async () => {
    const report = await healthJson([...INPUTS, '--as-of', '2024-02-29']);
    expect(report.asOf).toBe('2024-02-29');
    expect(report.customers.map((c) => c.customerId)).toEqual(['acme', 'globex', 'initech']);
    const acme = report.customers[0];
    expect(acme?.factors.map((f) => f.key)).toEqual(['nps', 'seatUtilisation', 'daysSinceLastUsage', 'ticketVolume']);
    expect(acme?.factors.find((f) => f.key === 'daysSinceLastUsage')?.raw).toBe(59);
    expect(acme?.score).toBeCloseTo(38.75 / 0.7, 10);
    expect(acme?.band).toBe('yellow');
  });

  // health-model.json: nps linear 0–10 (weight 3), tickets over 90 days linear 0–4 inverted (weight 1),
  // bands yellow 50, green 80. acme on 2024-02-29: nps 9 → 90, 1 ticket → 75; (3 × 90 + 75) ÷ 4 = 86.25.
  // initech has no NPS answer: only tickets, 0 → 100.
  it('scores with --model', async () => {
    const report = await healthJson([...INPUTS, '--as-of', '2024-02-29', '--model', fixture('health-model.json')]);
    expect(report.bands).toEqual({ red: 0, yellow: 50, green: 80 });
    expect(report.customers.map((c) => [c.customerId, c.score, c.band, c.missing])).toEqual([
      ['acme', 86.25, 'green', []],
      ['globex', 63.75, 'yellow', []], // nps 6 → 60, 1 ticket → 75: (180 + 75) ÷ 4
      ['initech', 100, 'green', ['nps']],
    ]);
  });
});

describe('cskit health --format table and csv', () => {
  it('prints an aligned table: score, band, trend, the factors in points and the missing factors', async () => {
    const { code, stdout } = await cskit(['health', ...INPUTS, '--format', 'table']);
    expect(code).toBe(0);
    const [title, heading, rule, acme, initech] = lines(stdout);
    expect(title).toContain('Health on 2024-04-30');
    expect(heading).toMatch(/^customer +name +segment +score +band +trend +NPS +Seat utilisation .* missing$/);
    expect(rule).toMatch(/^-+( +-+)+$/);
    // 91.7 = 91.67; NPS 25 ÷ 0.9 = 27.8 points, seats 13.9, last use 16.7, MRR 22.2, tickets 11.1.
    expect(acme).toMatch(
      /^acme +Acme, Inc\. +\S+ +91\.7 +green +\S+ +27\.8 +13\.9 +16\.7 +22\.2 +11\.1 +- +slaBreachRate$/,
    );
    expect(initech).toMatch(/ red .* nps, mrrChange, slaBreachRate$/);
    // Columns line up: every cell of the score column ends where its heading does.
    expect((acme ?? '').indexOf('91.7') + 4).toBe((heading ?? '').indexOf('score') + 5);
    expect(stdout).toContain('Segments');
  });

  it('never prints a score of 70.0 as yellow (metrics.md §11, band edges)', async () => {
    // acme: MRR 100.00 on 2024-03-31, 98.00 on 2024-06-30 → change −0.02; mrrChange is the only factor
    // (no NPS, usage or tickets file): (−0.02 + 0.3) ÷ 0.4 × 100 = 70 (69.99999999999999 in doubles) → green.
    const { code, stdout } = await cskit([
      'health',
      '--subscriptions',
      fixture('mrr-fell-2-percent.csv'),
      '--as-of',
      '2024-06-30',
      '--format',
      'table',
    ]);
    expect(code).toBe(0);
    const acme = lines(stdout).find((line) => line.startsWith('acme'));
    expect(acme).toMatch(/ 70\.0 +green /);
    expect(stdout).not.toMatch(/70\.0 +yellow/);
  });

  it('never prints a yellow score of 69.96 as 70.0', async () => {
    // One factor, mrrChange −0.02 on linear −0.3 … 0.100229: 0.28 ÷ 0.400229 × 100 = 69.96 → yellow.
    // Rounded to one decimal it would read "70.0 yellow"; the table shows 69.9 instead.
    const { code, stdout } = await cskit([
      'health',
      '--subscriptions',
      fixture('mrr-fell-2-percent.csv'),
      '--model',
      fixture('health-model-near-edge.json'),
      '--as-of',
      '2024-06-30',
      '--format',
      'table',
    ]);
    expect(code).toBe(0);
    const acme = lines(stdout).find((line) => line.startsWith('acme'));
    expect(acme).toMatch(/ 69\.9 +yellow /);
    expect(stdout).not.toMatch(/70\.0 +yellow/);
  });

  it('prints one CSV row per customer with a header, numbers unrounded', async () => {
    const { code, stdout } = await cskit(['health', ...INPUTS, '--format', 'csv']);
    expect(code).toBe(0);
    const [header, acme, initech, extra] = lines(stdout);
    expect(header).toBe(
      'customer_id,name,segment,score,band,trend,' +
        'nps_raw,nps_score,nps_contribution,' +
        'seatUtilisation_raw,seatUtilisation_score,seatUtilisation_contribution,' +
        'daysSinceLastUsage_raw,daysSinceLastUsage_score,daysSinceLastUsage_contribution,' +
        'mrrChange_raw,mrrChange_score,mrrChange_contribution,' +
        'ticketVolume_raw,ticketVolume_score,ticketVolume_contribution,' +
        'slaBreachRate_raw,slaBreachRate_score,slaBreachRate_contribution,missing',
    );
    const cells = acme?.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/) ?? [];
    expect(cells.slice(0, 5)).toEqual(['acme', '"Acme, Inc."', cells[2], String(82.5 / 0.9), 'green']);
    expect(cells.slice(6, 9)).toEqual(['9', '100', String(25 / 0.9)]);
    expect(cells.slice(-4)).toEqual(['', '', '', 'slaBreachRate']);
    expect(initech?.endsWith(',nps;mrrChange;slaBreachRate')).toBe(true);
    expect(extra).toBeUndefined();
  });
});

describe('cskit health with the sample company', () => {
  it('scores the sample company with --sample', async () => {
    const report = await healthJson(['--sample']);
    expect(report.customers.length).toBeGreaterThan(10);
    for (const customer of report.customers) {
      expect(customer.score).not.toBeNull();
      expect(customer.missing).toContain('seatUtilisation'); // the sample has no usage events
    }
    expect(report.segments.length).toBeGreaterThan(0);
  });

  it('prints the sample as a table', async () => {
    const { code, stdout } = await cskit(['health', '--sample', '--format', 'table']);
    expect(code).toBe(0);
    expect(lines(stdout)[1]).toMatch(/^customer +name +segment +score +band +trend/);
  });
});

describe('cskit health --sla-targets', () => {
  // On 2024-02-20 the 90-day window holds acme's ticket T1 (priority normal, first response after 45
  // minutes) and globex's T2 (high, 120 minutes). slaBreachRate: breaches ÷ tickets with a target,
  // scaled linear 0 → 0.5, inverted: rate 0 → 100, rate ≥ 0.5 → 0.
  const slaOf = async (targets: string, customer: string) => {
    const report = await healthJson([...INPUTS, '--as-of', '2024-02-20', '--sla-targets', targets]);
    return report.customers.find((c) => c.customerId === customer)?.factors.find((f) => f.key === 'slaBreachRate');
  };

  it('scores the SLA factor against the given targets', async () => {
    expect(await slaOf('normal=30', 'acme')).toMatchObject({ raw: 1, score: 0 }); // 45 > 30: breached
    expect(await slaOf('normal=60,high=240', 'acme')).toMatchObject({ raw: 0, score: 100 }); // 45 ≤ 60
    expect(await slaOf('high=60', 'globex')).toMatchObject({ raw: 1, score: 0 }); // 120 > 60
  });

  it('leaves the factor missing without a target for the ticket priorities', async () => {
    const report = await healthJson([...INPUTS, '--as-of', '2024-02-20', '--sla-targets', 'urgent=15']);
    expect(report.customers.find((c) => c.customerId === 'acme')?.missing).toContain('slaBreachRate');
  });

  it.each([
    [
      'normal',
      '--sla-targets must be priority=minutes pairs separated by commas, e.g. urgent=60,high=240; got "normal"',
    ],
    ['normal=0', 'got "normal=0"'],
    ['normal=-5', 'got "normal=-5"'],
    ['normal=30,normal=40', '--sla-targets names priority "normal" twice'],
  ])('exits 2 for --sla-targets %s', async (targets, message) => {
    const { code, stderr } = await cskit(['health', ...INPUTS, '--sla-targets', targets]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 for --sla-targets with --model, which sets its own', async () => {
    const { code, stderr } = await cskit([
      'health',
      ...INPUTS,
      '--model',
      fixture('health-model.json'),
      '--sla-targets',
      'urgent=60',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('with --model, give slaTargets in the model file');
  });
});

describe('cskit health errors', () => {
  it('exits 2 without --subscriptions', async () => {
    const { code, stdout, stderr } = await cskit(['health', '--nps', fixture('nps.csv')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('cskit health: missing --subscriptions <file.csv>');
  });

  it('exits 2 for a malformed --as-of', async () => {
    const { code, stderr } = await cskit(['health', ...INPUTS, '--as-of', '2024-02-30']);
    expect(code).toBe(2);
    expect(stderr).toContain('cskit health: --as-of must be a date as YYYY-MM-DD, got "2024-02-30"');
  });

  it('exits 2 for --sample with files and for a model file that does not exist', async () => {
    expect((await cskit(['health', '--sample', '--usage', fixture('usage.csv')])).code).toBe(2);
    const { code, stderr } = await cskit(['health', ...INPUTS, '--model', fixture('no-such-model.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('--model');
    expect(stderr).toContain('no such file');
  });

  it('exits 1 for a bad usage row, naming file, row, field, value and reason', async () => {
    const { code, stdout, stderr } = await cskit([
      'health',
      '--subscriptions',
      fixture('subscriptions.csv'),
      '--usage',
      fixture('invalid-usage.csv'),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error: invalid-usage.csv row 3, field value, value "-2": value must be a non-negative number\n',
    );
  });

  it('skips the bad row with --on-error skip', async () => {
    const { code, stderr } = await cskit([
      'health',
      '--subscriptions',
      fixture('subscriptions.csv'),
      '--usage',
      fixture('invalid-usage.csv'),
      '--on-error',
      'skip',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('skipped: invalid-usage.csv row 3, field value');
  });

  it('exits 1 for an invalid model, naming the file and the problem', async () => {
    const { code, stdout, stderr } = await cskit([
      ...['health', ...INPUTS],
      '--model',
      fixture('invalid-health-model.json'),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error: invalid-health-model.json: not a valid health model: Health factor "nps": weight must be a non-negative number, got -1\n',
    );
  });

  it('exits 1 for a model file that is not JSON', async () => {
    const { code, stderr } = await cskit(['health', ...INPUTS, '--model', fixture('nps.csv')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: nps\.csv: not valid JSON \(/);
  });
});

describe('cskit health --segments', () => {
  // On 2024-04-30: acme (Software, EMEA) has MRR 120.00 (L1 100 + L4 20); initech (Software, North
  // America) 100.00 (1,200.00 a year).
  const segmentsOf = async (file: string) => {
    const report = await healthJson([...INPUTS, '--segments', fixture(file)]);
    return {
      customers: report.customers.map((c) => [c.customerId, c.segment]),
      segments: report.segments.map((s) => [s.segment, s.customers]),
    };
  };

  it('segments with the rules of the file, first match wins, roll-ups in rule order', async () => {
    // acme: Software and 120 ≥ 110 → software-large; initech: Software but 100 < 110, not EMEA → outside-emea
    expect(await segmentsOf('segment-rules.json')).toEqual({
      customers: [
        ['acme', 'software-large'],
        ['initech', 'outside-emea'],
      ],
      segments: [
        ['software-large', 1],
        ['outside-emea', 1],
      ],
    });
  });

  it('takes the default rules with other thresholds', async () => {
    // Default: median of 120 and 100 is 110, so initech (100) is secondary; acme expanded in March
    // (L4), within 3 months → potential. With corePercentile 0 the bound is the lowest MRR, 100 → core.
    const report = await healthJson(INPUTS);
    expect(report.customers.map((c) => c.segment)).toEqual(['potential', 'secondary']);
    expect((await segmentsOf('segment-thresholds.json')).customers).toEqual([
      ['acme', 'potential'],
      ['initech', 'core'],
    ]);
  });

  it('exits 1 for invalid rules, naming the file, the rule and the problem', async () => {
    const { code, stdout, stderr } = await cskit([
      ...['health', ...INPUTS],
      '--segments',
      fixture('invalid-segment-rules.json'),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'error: invalid-segment-rules.json: not valid segment rules: Segment rule 0 ("big"): when.mrr: unknown bound "atleast" (expected atLeast, above, atMost, below)\n',
    );
  });

  it('exits 1 for a rules file that is not JSON, and 2 for one that cannot be opened', async () => {
    const notJson = await cskit(['health', ...INPUTS, '--segments', fixture('nps.csv')]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^error: nps\.csv: not valid JSON \(/);
    const missing = await cskit(['health', ...INPUTS, '--segments', fixture('no-such-rules.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^cskit health: --segments .*no-such-rules\.json: cannot read the file \(no such file\)/,
    );
    const empty = await cskit(['health', ...INPUTS, '--segments', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--segments needs a file path/);
  });
});

describe('cskit health --help', () => {
  it('prints HEALTH_HELP and is listed in the main help', async () => {
    const help = await cskit(['health', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('cskit health --subscriptions');
    expect(help.stdout).toContain('--as-of');
    expect(help.stdout).toContain('--model');
    expect(help.stdout).toContain('--segments <file.json>');
    const main = await cskit(['--help']);
    expect(main.stdout).toMatch(/^ {2}health /m);
  });
});

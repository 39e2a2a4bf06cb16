import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type Report } from '@cskit/core';
import { readFxRatesCsv, readSubscriptionLinesCsv } from '@cskit/connectors/csv';
import { run } from './run.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
const SUBSCRIPTIONS = fixture('subscriptions.csv');

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cskit(argv: readonly string[], options: { tty?: boolean } = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe('cskit report --format json', () => {
  // subscriptions.csv, by hand (USD, month-end snapshots):
  //   2024-01: acme 100 + globex 2 × 50 = 200, both new.
  //   2024-02: + initech 1,200 a year = 100 a month → 300; initech new.
  //   2024-03: globex ended 2024-03-10 → churn 100; acme adds Insights 20 → expansion 20; MRR 220.
  it('prints every month from the first active one to the latest date, with the metrics of metrics.md', async () => {
    const { code, stdout, stderr } = await cskit(['report', '--subscriptions', SUBSCRIPTIONS, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.version).toBe(1);
    expect(report.currency).toBe('USD');
    expect(report.timeZone).toBe('UTC');
    expect(report.months.map((m) => [m.month, m.mrr, m.customers])).toEqual([
      ['2024-01', 200, 2],
      ['2024-02', 300, 3],
      ['2024-03', 220, 2],
    ]);
    const march = report.months[2];
    expect(march).toMatchObject({
      arr: 2640, // 12 × 220
      arpa: 110, // 220 ÷ 2
      movements: {
        new: { mrr: 0, customers: 0 },
        expansion: { mrr: 20, customers: 1 },
        contraction: { mrr: 0, customers: 0 },
        churn: { mrr: 100, customers: 1 },
        reactivation: { mrr: 0, customers: 0 },
      },
      netNewMrr: -80, // 20 − 100
      nps: null,
      tickets: null,
    });
    expect(march?.logoChurnRate).toBeCloseTo(1 / 3, 12); // globex of 3 customers
    expect(march?.grossMrrChurnRate).toBeCloseTo(100 / 300, 12);
    expect(march?.nrr).toBeCloseTo((300 - 100 + 20) / 300, 12);
    expect(march?.quickRatio).toBeCloseTo(20 / 100, 12);
    expect(report.cohorts.map((c) => [c.cohort, c.customers, c.mrr, c.logoRetention])).toEqual([
      ['2024-01', 2, 200, [1, 1, 0.5]],
      ['2024-02', 1, 100, [1, 1]],
    ]);
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('prints only the months from --from to --to, empty months included', async () => {
    const { code, stdout } = await cskit([
      'report',
      '--subscriptions',
      SUBSCRIPTIONS,
      '--from',
      '2023-12',
      '--to',
      '2024-02',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.months.map((m) => [m.month, m.mrr])).toEqual([
      ['2023-12', 0],
      ['2024-01', 200],
      ['2024-02', 300],
    ]);
  });

  it('converts other currencies with --fx, to the currency the rates convert to', async () => {
    const base = ['report', '--subscriptions', fixture('multi-currency.csv')];
    const { code, stdout } = await cskit([...base, '--fx', fixture('fx.csv')]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.currency).toBe('USD');
    expect(report.months.map((m) => [m.month, m.mrr])).toEqual([['2024-01', 210]]); // 100 USD + 100 EUR × 1.10
  });

  it('with --fx, prints byte for byte the JSON of the object path on lines in four currencies', async () => {
    const subscriptionsFile = fixture('multi-currency-lines.csv');
    const fxFile = fixture('fx-several.csv');
    const { code, stdout, stderr } = await cskit([
      'report',
      '--subscriptions',
      subscriptionsFile,
      '--fx',
      fxFile,
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The object path, through the API: line objects read from the same file.
    const subscriptions = await readSubscriptionLinesCsv(await readFile(subscriptionsFile, 'utf8'), { source: 's' });
    const fx = await readFxRatesCsv(await readFile(fxFile, 'utf8'), { source: 'fx' });
    const objects = buildReport({ subscriptions: subscriptions.records, fx: fx.records }, { timeZone: 'UTC' });
    expect(stdout).toBe(`${JSON.stringify(objects, null, 2)}\n`);
    // January, by hand: acme 100 USD + globex 90 EUR a quarter × 2 = 60 EUR a month × 1.10 = 66 → 166.
    expect((JSON.parse(stdout) as Report).months[0]).toMatchObject({ month: '2024-01', mrr: 166 });
  });

  it('takes --currency in any case, as the default of lines without one', async () => {
    const { code, stdout } = await cskit([
      'report',
      '--subscriptions',
      fixture('no-currency.csv'),
      '--currency',
      'eur',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect([report.currency, report.months[0]?.mrr]).toEqual(['EUR', 50]);
  });

  it('reads customers and accepts --nps and --tickets', async () => {
    const { code, stdout, stderr } = await cskit([
      'report',
      '--subscriptions',
      SUBSCRIPTIONS,
      '--customers',
      fixture('customers.csv'),
      '--nps',
      fixture('nps.csv'),
      '--tickets',
      fixture('tickets.csv'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Report).months).toHaveLength(3);
  });
});

describe('cskit report --format table and csv', () => {
  it('prints aligned tables, money with thousands separators and ratios as percentages', async () => {
    const { code, stdout } = await cskit(['report', '--subscriptions', SUBSCRIPTIONS, '--format', 'table']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'cskit report: USD, UTC, 2024-01 to 2024-03',
        '',
        'Revenue',
        'Month       MRR       ARR  Customers    ARPA     New  Expansion  Contraction   Churn  Reactivation  Net new',
        '-------  ------  --------  ---------  ------  ------  ---------  -----------  ------  ------------  -------',
        '2024-01  200.00  2,400.00          2  100.00  200.00       0.00         0.00    0.00          0.00   200.00',
        '2024-02  300.00  3,600.00          3  100.00  100.00       0.00         0.00    0.00          0.00   100.00',
        '2024-03  220.00  2,640.00          2  110.00    0.00      20.00         0.00  100.00          0.00   -80.00',
        '',
        'Rates',
        'Month    Logo churn  Gross MRR churn  Net MRR churn     GRR     NRR  GRR 12m  NRR 12m  Quick ratio  LTV',
        '-------  ----------  ---------------  -------------  ------  ------  -------  -------  -----------  ---',
        '2024-01           -                -              -       -       -        -        -            -    -',
        '2024-02        0.0%             0.0%           0.0%  100.0%  100.0%        -        -            -    -',
        '2024-03       33.3%            33.3%          26.7%   66.7%   73.3%        -        -         0.20    -',
        '',
        'Cohorts: share of customers still active, by month of age',
        'Cohort   Customers     MRR    M0    M1   M2',
        '-------  ---------  ------  ----  ----  ---',
        '2024-01          2  200.00  100%  100%  50%',
        '2024-02          1  100.00  100%  100%',
        '',
      ].join('\n'),
    );
  });

  it('prints one CSV row per month with flat columns, null as an empty cell', async () => {
    const { code, stdout } = await cskit(['report', '--subscriptions', SUBSCRIPTIONS, '--format', 'csv']);
    expect(code).toBe(0);
    const [header, ...rows] = lines(stdout);
    expect(header).toBe(
      'month,currency,mrr,arr,customers,arpa,new_mrr,new_customers,expansion_mrr,expansion_customers,' +
        'contraction_mrr,contraction_customers,churn_mrr,churn_customers,reactivation_mrr,reactivation_customers,' +
        'net_new_mrr,logo_churn_rate,gross_mrr_churn_rate,net_mrr_churn_rate,grr,nrr,nrr12,grr12,quick_ratio,ltv,' +
        'nps,nps_responses,nps_promoters,nps_passives,nps_detractors,tickets_created,' +
        'first_response_minutes_median,first_response_minutes_p90,resolution_hours_median,resolution_hours_p90,' +
        'csat,csat_responses,csat_satisfied',
    );
    expect(rows).toEqual([
      '2024-01,USD,200,2400,2,100,200,2,0,0,0,0,0,0,0,0,200' + ','.repeat(22),
      '2024-02,USD,300,3600,3,100,100,1,0,0,0,0,0,0,0,0,100,0,0,0,1,1' + ','.repeat(17),
      `2024-03,USD,220,2640,2,110,0,0,20,1,0,0,100,1,0,0,-80,${1 / 3},${1 / 3},${80 / 300},${200 / 300},${220 / 300},,,0.2` +
        ','.repeat(14),
    ]);
  });

  it('prints a table on a terminal and JSON into a pipe when no --format is given', async () => {
    const piped = await cskit(['report', '--subscriptions', SUBSCRIPTIONS]);
    expect(() => JSON.parse(piped.stdout) as unknown).not.toThrow();
    const terminal = await cskit(['report', '--subscriptions', SUBSCRIPTIONS], { tty: true });
    expect(terminal.stdout.startsWith('cskit report: USD, UTC, 2024-01 to 2024-03\n\nRevenue\n')).toBe(true);
  });
});

describe('cskit report --sample', () => {
  it('reports on the built-in sample company: 36 months to 2025-12, in USD', async () => {
    const { code, stdout, stderr } = await cskit(['report', '--sample', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.currency).toBe('USD');
    expect(report.months).toHaveLength(36);
    expect(report.months[0]?.month).toBe('2023-01');
    expect(report.months[35]?.month).toBe('2025-12');
    expect(report.months[35]?.customers).toBeGreaterThan(1000);
  });

  it('takes --from, --to and --format', async () => {
    const { code, stdout } = await cskit([
      'report',
      '--sample',
      '--from',
      '2025-01',
      '--to',
      '2025-03',
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    expect(lines(stdout).map((line) => line.slice(0, 11))).toEqual([
      'month,curre',
      '2025-01,USD',
      '2025-02,USD',
      '2025-03,USD',
    ]);
  });
});

describe('cskit report with invalid input (exit status 1)', () => {
  const INVALID = fixture('invalid-subscriptions.csv');

  it('gives the same messages whether the lines are streamed into columns or read as objects (--fx)', async () => {
    // Both read the lines as columns; with --fx the columns keep each line_id too.
    const columns = await cskit(['report', '--subscriptions', INVALID]);
    const objects = await cskit(['report', '--subscriptions', INVALID, '--fx', fixture('fx.csv')]);
    expect(columns.stderr).toBe(objects.stderr);
    expect(columns.code).toBe(1);
    const valid = await cskit(['report', '--subscriptions', SUBSCRIPTIONS, '--format', 'json']);
    const validObjects = await cskit([
      'report',
      '--subscriptions',
      SUBSCRIPTIONS,
      '--fx',
      fixture('fx.csv'),
      '--format',
      'json',
    ]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toBe(validObjects.stdout);
  });

  it('prints one line per problem, naming file, row, field, value and reason, and no report', async () => {
    const { code, stdout, stderr } = await cskit(['report', '--subscriptions', INVALID]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual([
      'error: invalid-subscriptions.csv row 3, field start_date, value "2024-13-01": start_date is not a calendar date YYYY-MM-DD',
      'error: invalid-subscriptions.csv row 4, field amount, value "-5.00": amounts cannot be negative',
      'error: invalid-subscriptions.csv row 5, field currency, value "": the row has 5 fields but the header has 6: a value or a comma is missing',
    ]);
  });

  it('names the problems of every file in one run', async () => {
    const { code, stderr } = await cskit([
      'report',
      '--subscriptions',
      INVALID,
      '--customers',
      fixture('invalid-customers.csv'),
    ]);
    expect(code).toBe(1);
    expect(lines(stderr).slice(3)).toEqual([
      'error: invalid-customers.csv row 3, field customer_id, value "acme": duplicate customer_id (first in row 2)',
    ]);
  });

  it('with --on-error skip, leaves the bad records out, lists them, and reports the rest', async () => {
    const { code, stdout, stderr } = await cskit(['report', '--subscriptions', INVALID, '--on-error', 'skip']);
    expect(code).toBe(0);
    expect(lines(stderr)).toEqual([
      'skipped: invalid-subscriptions.csv row 3, field start_date, value "2024-13-01": start_date is not a calendar date YYYY-MM-DD',
      'skipped: invalid-subscriptions.csv row 4, field amount, value "-5.00": amounts cannot be negative',
      'skipped: invalid-subscriptions.csv row 5, field currency, value "": the row has 5 fields but the header has 6: a value or a comma is missing',
    ]);
    // acme (100 from January) and umbrella (30 from February) remain.
    expect((JSON.parse(stdout) as Report).months.map((m) => [m.month, m.mrr])).toEqual([
      ['2024-01', 100],
      ['2024-02', 130],
    ]);
  });

  it('names the file and row of the line, and the currency and date, of a missing FX rate', async () => {
    const { code, stderr } = await cskit([
      'report',
      '--subscriptions',
      fixture('multi-currency.csv'),
      '--fx',
      fixture('fx-too-late.csv'),
    ]);
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([
      // globex's EUR line is row 3 of multi-currency.csv; fx-too-late.csv has EUR from 2024-02-01 only
      'error: multi-currency.csv row 3: No FX rate for EUR on or before 2024-01-01 (needed to convert EUR to USD); add one to the fx table',
    ]);
  });

  it('names the line_id of the first line lacking an FX rate, as the object path does', async () => {
    const { code, stderr } = await cskit([
      'report',
      '--subscriptions',
      fixture('multi-currency-lines.csv'),
      '--fx',
      fixture('fx-too-late.csv'),
      '--currency',
      'USD',
    ]);
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([
      // L2 (row 3) is the first foreign line; fx-too-late.csv has EUR from 2024-02-01 only, and no GBP.
      'error: multi-currency-lines.csv row 3 (line_id "L2"): No FX rate for EUR on or before 2024-01-15 (needed to convert EUR to USD); add one to the fx table',
    ]);
  });
});

describe('cskit report with huge values (metrics.md §11)', () => {
  // 10 MB cells are written at test time rather than kept in the repository.
  const TEN_MB = 10 * 1024 * 1024;
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cskit-huge-'));
    const header = 'customer_id,start_date,amount,interval,currency\n';
    await writeFile(join(dir, 'huge-amount.csv'), `${header}acme,2024-01-01,${'9'.repeat(TEN_MB)},month,USD\n`);
    await writeFile(join(dir, 'huge-id.csv'), `${header}${'c'.repeat(TEN_MB)},2024-01-01,10.00,month,USD\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('quotes at most 80 characters of a 10 MB amount on stderr', async () => {
    const { code, stdout, stderr } = await cskit(['report', '--subscriptions', join(dir, 'huge-amount.csv')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual([
      `error: huge-amount.csv row 2, field amount, value "${'9'.repeat(80)}"… (${TEN_MB} characters): amount too large`,
    ]);
  });

  it('rejects a 10 MB customer_id, naming row and field, without echoing it', async () => {
    const { code, stderr } = await cskit(['report', '--subscriptions', join(dir, 'huge-id.csv')]);
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([
      `error: huge-id.csv row 2, field customer_id, value "${'c'.repeat(80)}"… (${TEN_MB} characters): customer_id is longer than 256 characters`,
    ]);
  });
});

describe('cskit report with bad usage (exit status 2)', () => {
  const usage = (problem: string): string[] => [`cskit report: ${problem}`, "Run 'cskit report --help' for usage."];
  const cases: [string[], string][] = [
    [['--subscriptions', SUBSCRIPTIONS, '--colour'], 'unknown option --colour'],
    [[], 'missing --subscriptions <file.csv> (or --sample for the built-in sample company)'],
    [['--subscriptions'], '--subscriptions needs a value'],
    [['--subscriptions', SUBSCRIPTIONS, 'extra'], 'unexpected argument "extra"'],
    [['--sample=yes'], '--sample takes no value'],
    [['--subscriptions', SUBSCRIPTIONS, '--from', '2024-1'], '--from must be a month as YYYY-MM, got "2024-1"'],
    [['--subscriptions', SUBSCRIPTIONS, '--to', '2024-13'], '--to must be a month as YYYY-MM, got "2024-13"'],
    [
      ['--subscriptions', SUBSCRIPTIONS, '--from', '2024-03', '--to', '2024-01'],
      '--from 2024-03 is after --to 2024-01',
    ],
    [['--subscriptions', SUBSCRIPTIONS, '--format', 'xml'], '--format must be json, table or csv, got "xml"'],
    [['--subscriptions', SUBSCRIPTIONS, '--on-error', 'ignore'], '--on-error must be throw or skip, got "ignore"'],
    [
      ['--subscriptions', SUBSCRIPTIONS, '--currency', 'ZZZ'],
      '--currency must be an ISO 4217 code such as USD, got "ZZZ"',
    ],
    [
      ['--subscriptions', SUBSCRIPTIONS, '--time-zone', 'Mars/Olympus'],
      '--time-zone must be an IANA time zone such as UTC or Europe/Berlin, got "Mars/Olympus"',
    ],
    [
      ['--sample', '--subscriptions', SUBSCRIPTIONS],
      '--sample reads the built-in sample company: it cannot be combined with --subscriptions',
    ],
    [
      ['--subscriptions', fixture('missing.csv')],
      `--subscriptions ${fixture('missing.csv')}: cannot read the file (no such file)`,
    ],
    [
      ['--subscriptions', fixture('multi-currency.csv')],
      'Several currencies in the subscriptions (EUR, USD): give the reporting currency (--currency) and an fx table converting the others to it',
    ],
  ];
  it.each(cases)('cskit report %j', async (argv, problem) => {
    const { code, stdout, stderr } = await cskit(['report', ...argv]);
    expect({ code, stdout, stderr: lines(stderr) }).toEqual({ code: 2, stdout: '', stderr: usage(problem) });
  });

  it('checks every path before reading any file', async () => {
    const { code, stderr } = await cskit([
      'report',
      '--subscriptions',
      fixture('invalid-subscriptions.csv'),
      '--customers',
      fixture('missing.csv'),
    ]);
    expect(code).toBe(2);
    expect(lines(stderr)[0]).toBe(
      `cskit report: --customers ${fixture('missing.csv')}: cannot read the file (no such file)`,
    );
  });

  it('rejects an unknown command, and prints the help without one', async () => {
    expect(await cskit(['rapport'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cskit: unknown command "rapport"\nRun \'cskit --help\' for usage.\n',
    });
    const bare = await cskit([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: cskit <command> [options]');
  });
});

describe('cskit --help and --version', () => {
  it('prints the help of the command and of report', async () => {
    const main = await cskit(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('report     MRR, movements, churn');
    const report = await cskit(['report', '--help']);
    expect(report.code).toBe(0);
    for (const option of [
      '--subscriptions',
      '--customers',
      '--nps',
      '--tickets',
      '--fx',
      '--sample',
      '--from',
      '--to',
    ]) {
      expect(report.stdout).toContain(option);
    }
    for (const option of ['--currency', '--time-zone', '--format', '--on-error'])
      expect(report.stdout).toContain(option);
  });

  it('prints the version of the package', async () => {
    const { code, stdout } = await cskit(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

/**
 * Deterministic fixtures for the chart tests, stories and the render benchmark: a small simulated SaaS
 * company whose report follows shared/spec/report.md and metrics.md §2–3 (movements netted per customer,
 * rates over the previous month, a bridge that balances to the cent, NPS from counts).
 *
 * TODO(sample): stories move to @cskit/core's sample company once the core report lands.
 */

/** Mulberry32: a tiny seeded PRNG, so every run draws the same company. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Segment = 'SMB' | 'Mid-market' | 'Enterprise';

interface Customer {
  segment: Segment;
  /** MRR in cents per simulated month (0 = inactive). */
  mrr: number[];
}

const SEGMENTS: readonly { segment: Segment; share: number; min: number; max: number; churn: number }[] = [
  { segment: 'SMB', share: 0.7, min: 4900, max: 19900, churn: 0.035 },
  { segment: 'Mid-market', share: 0.22, min: 40000, max: 120000, churn: 0.015 },
  { segment: 'Enterprise', share: 0.08, min: 200000, max: 600000, churn: 0.008 },
];

export interface FixtureOptions {
  /** Months in the report (default 18). */
  readonly months?: number;
  /** First reported month (default 2024-01). */
  readonly from?: string;
  readonly currency?: string;
  readonly seed?: number;
}

function monthKey(from: string, offset: number): string {
  const [y, m] = from.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const money = (cents: number): number => Math.round(cents) / 100;
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Churned customers and MRR by segment per month, in the shape `<cs-churn-chart breakdown>` reads. */
export interface FixtureBreakdown {
  readonly by: string;
  readonly months: { month: string; groups: { key: string; customers: number; mrr: number }[] }[];
}

/** A report in the JSON shape of report.md, plus a churn breakdown by segment. */
export function sampleCompany(options: FixtureOptions = {}) {
  const count = options.months ?? 18;
  const from = options.from ?? '2024-01';
  const rand = random(options.seed ?? 42);
  const warmUp = 12; // simulated months before `from`, so the first reported month has a history
  const total = warmUp + count;
  const customers: Customer[] = [];
  const join = (start: number): void => {
    const r = rand();
    let acc = 0;
    const seg = SEGMENTS.find((s) => (acc += s.share) >= r) ?? SEGMENTS[0]!;
    const mrr = new Array<number>(total).fill(0);
    mrr[start] = Math.round((seg.min + rand() * (seg.max - seg.min)) / 100) * 100;
    customers.push({ segment: seg.segment, mrr });
  };
  for (let i = 0; i < 140; i++) join(0);
  for (let t = 1; t < total; t++) {
    for (const c of customers) {
      const p = c.mrr[t - 1] ?? 0;
      const seg = SEGMENTS.find((s) => s.segment === c.segment)!;
      if (p === 0) {
        const everActive = c.mrr.slice(0, t).some((v) => v > 0);
        if (everActive && rand() < 0.02) c.mrr[t] = Math.round((seg.min + rand() * (seg.max - seg.min)) / 100) * 100;
        continue;
      }
      const r = rand();
      // Churn drifts up in the second half of the reported range, so the summary has a trend to tell.
      const drift = t > warmUp + count / 2 ? 1.35 : 1;
      if (r < seg.churn * drift) c.mrr[t] = 0;
      else if (r < seg.churn * drift + 0.05) c.mrr[t] = Math.round(p * (1.1 + rand() * 0.4));
      else if (r < seg.churn * drift + 0.07) c.mrr[t] = Math.round(p * (0.7 + rand() * 0.2));
      else c.mrr[t] = p;
    }
    const arrivals = 4 + Math.floor(rand() * 6);
    for (let i = 0; i < arrivals; i++) join(t);
  }

  const currency = options.currency ?? 'USD';
  const months = [];
  const breakdownMonths: FixtureBreakdown['months'] = [];
  let npsBase = 18;
  for (let t = warmUp; t < total; t++) {
    const move = { new: [0, 0], expansion: [0, 0], contraction: [0, 0], churn: [0, 0], reactivation: [0, 0] };
    const bySegment = new Map<string, { customers: number; mrr: number }>();
    let mrr = 0;
    let prevMrr = 0;
    let active = 0;
    let prevActive = 0;
    for (const c of customers) {
      const p = c.mrr[t - 1] ?? 0;
      const q = c.mrr[t] ?? 0;
      mrr += q;
      prevMrr += p;
      if (q > 0) active++;
      if (p > 0) prevActive++;
      const add = (kind: keyof typeof move, amount: number): void => {
        move[kind][0]! += amount;
        move[kind][1]! += 1;
      };
      if (p === 0 && q > 0) add(c.mrr.slice(0, t - 1).some((v) => v > 0) ? 'reactivation' : 'new', q);
      else if (p > 0 && q > p) add('expansion', q - p);
      else if (p > 0 && q > 0 && q < p) add('contraction', p - q);
      else if (p > 0 && q === 0) {
        add('churn', p);
        const s = bySegment.get(c.segment) ?? { customers: 0, mrr: 0 };
        s.customers += 1;
        s.mrr += p;
        bySegment.set(c.segment, s);
      }
    }
    const [newMrr, expansion, contraction, churn, reactivation] = (
      ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const
    ).map((k) => move[k][0]!) as [number, number, number, number, number];
    const movement = (k: keyof typeof move) => ({ mrr: money(move[k][0]!), customers: move[k][1]! });
    npsBase += (rand() - 0.45) * 6;
    const responses = rand() < 0.2 ? 8 + Math.floor(rand() * 20) : 30 + Math.floor(rand() * 50);
    const promoterShare = Math.min(0.8, Math.max(0.2, 0.45 + npsBase / 400));
    const promoters = Math.round(responses * promoterShare);
    const detractors = Math.round((responses - promoters) * 0.55);
    const passives = responses - promoters - detractors;
    const month = monthKey(from, t - warmUp);
    months.push({
      month,
      mrr: money(mrr),
      arr: money(mrr * 12),
      customers: active,
      arpa: active ? money(mrr / active) : null,
      movements: {
        new: movement('new'),
        expansion: movement('expansion'),
        contraction: movement('contraction'),
        churn: movement('churn'),
        reactivation: movement('reactivation'),
      },
      netNewMrr: money(newMrr + expansion + reactivation - contraction - churn),
      logoChurnRate: ratio(move.churn[1]!, prevActive),
      grossMrrChurnRate: ratio(churn + contraction, prevMrr),
      netMrrChurnRate: ratio(churn + contraction - expansion - reactivation, prevMrr),
      grr: ratio(prevMrr - churn - contraction, prevMrr),
      nrr: ratio(prevMrr - churn - contraction + expansion, prevMrr),
      nrr12: null,
      grr12: null,
      quickRatio: ratio(newMrr + expansion + reactivation, churn + contraction),
      ltv: null,
      nps: {
        score: Math.round((1000 * (promoters - detractors)) / responses) / 10,
        responses,
        promoters,
        passives,
        detractors,
      },
      tickets: null,
    });
    breakdownMonths.push({
      month,
      groups: SEGMENTS.map(({ segment }) => ({
        key: segment,
        customers: bySegment.get(segment)?.customers ?? 0,
        mrr: money(bySegment.get(segment)?.mrr ?? 0),
      })),
    });
  }
  return {
    report: { version: 1, currency, timeZone: 'UTC', months, cohorts: [] },
    breakdown: { by: 'segment', months: breakdownMonths } satisfies FixtureBreakdown,
  };
}

/** A daily series of `days` churn rates (the benchmark's long series), in `<cs-churn-chart>`'s own shape. */
export function dailyChurnSeries(days: number, seed = 7) {
  const rand = random(seed);
  const start = Date.UTC(2015, 0, 1);
  const points = [];
  let logo = 0.001;
  for (let i = 0; i < days; i++) {
    logo = Math.max(0, logo + (rand() - 0.5) * 0.0002);
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    points.push({ period: date, logo });
  }
  return { currency: 'USD', points };
}

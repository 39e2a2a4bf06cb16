import { formatMonth } from '../time/month.js';
import { MOVEMENT_CODES, MOVEMENT_KINDS, type MovementKind } from './movements.js';
import { ratio } from './ratio.js';
import type { SeriesSums } from './series-sums.js';

/** MRR and customer count of one movement (or of upsell / cross-sell) in one month. */
export interface MovementTotal {
  /** Minor units of the reporting currency, unrounded. */
  readonly mrr: number;
  readonly customers: number;
}

/** A count of events and the share of them that succeeded. */
export interface Conversion {
  readonly total: number;
  readonly succeeded: number;
  /** `succeeded ÷ total`, `null` when there are none. */
  readonly rate: number | null;
}

/**
 * Every revenue metric of one month (metrics.md §2). Money is in minor units of the reporting
 * currency, unrounded (round once with `toMajorUnits` when presenting); ratios are fractions or `null`.
 */
export interface RevenueMonth {
  readonly month: string;
  readonly mrr: number;
  readonly arr: number;
  /** Customers with MRR > 0. */
  readonly customers: number;
  readonly arpa: number | null;
  readonly movements: Readonly<Record<MovementKind, MovementTotal>>;
  /** new + expansion + reactivation − contraction − churn = MRR(M) − MRR(M−1). */
  readonly netNewMrr: number;
  readonly logoChurnRate: number | null;
  readonly grossMrrChurnRate: number | null;
  readonly netMrrChurnRate: number | null;
  readonly grr: number | null;
  readonly nrr: number | null;
  readonly nrr12: number | null;
  readonly grr12: number | null;
  readonly quickRatio: number | null;
  readonly ltv: number | null;
  readonly upsell: MovementTotal;
  readonly crossSell: MovementTotal;
  readonly upsellRate: number | null;
  readonly crossSellRate: number | null;
  /** Lines up for renewal in the month, and renewed. */
  readonly renewals: Conversion;
  /** Trials started in the month, and converted. */
  readonly trials: Conversion;
}

/** Settings the monthly metrics depend on. */
export interface MonthlyMetricsSettings {
  readonly firstMonth: number;
  /** Ticks per minor unit. */
  readonly scale: number;
  readonly grossMargin: number;
}

/** Turns slot `slot` of the sums into one {@link RevenueMonth} per month. */
export function monthlyMetrics(sums: SeriesSums, slot: number, settings: MonthlyMetricsSettings): RevenueMonth[] {
  const { width } = sums;
  const { scale, grossMargin, firstMonth } = settings;
  const base = slot * width;
  const at = (series: Float64Array, m: number): number => (m < 0 ? 0 : (series[base + m] as number));
  const move = (kind: MovementKind, m: number): number =>
    at(sums.movementMrr[MOVEMENT_CODES[kind] - 1] as Float64Array, m);
  const count = (kind: MovementKind, m: number): number =>
    at(sums.movementCustomers[MOVEMENT_CODES[kind] - 1] as Float64Array, m);
  const churnRates: (number | null)[] = [];
  const months: RevenueMonth[] = [];
  for (let m = 0; m < width; m++) {
    const mrr = at(sums.mrr, m);
    const customers = at(sums.customers, m);
    const previousMrr = at(sums.mrr, m - 1);
    const previousCustomers = at(sums.customers, m - 1);
    const grow = move('new', m) + move('expansion', m) + move('reactivation', m);
    const lose = move('churn', m) + move('contraction', m);
    const logoChurnRate = ratio(count('churn', m), previousCustomers);
    churnRates.push(logoChurnRate);
    // ARPA from ticks in one division, so a tie in minor units stays an exact tie.
    const arpa = ratio(mrr, scale * customers);
    let churnSum = 0;
    let churnMonths = 0;
    for (let k = Math.max(0, m - 6); k < m; k++) {
      const rate = churnRates[k];
      if (rate !== null && rate !== undefined) {
        churnSum += rate;
        churnMonths += 1;
      }
    }
    const meanChurn = churnMonths === 0 ? 0 : churnSum / churnMonths;
    const movements = {} as Record<MovementKind, MovementTotal>;
    for (const kind of MOVEMENT_KINDS) movements[kind] = { mrr: move(kind, m) / scale, customers: count(kind, m) };
    months.push({
      month: formatMonth(firstMonth + m),
      mrr: mrr / scale,
      arr: (12 * mrr) / scale,
      customers,
      arpa,
      movements,
      netNewMrr: (mrr - previousMrr) / scale,
      logoChurnRate,
      grossMrrChurnRate: ratio(lose, previousMrr),
      netMrrChurnRate: ratio(lose - move('expansion', m) - move('reactivation', m), previousMrr),
      grr: ratio(previousMrr - lose, previousMrr),
      nrr: ratio(previousMrr - lose + move('expansion', m), previousMrr),
      nrr12: ratio(at(sums.nrr12, m), at(sums.mrr, m - 12)),
      grr12: ratio(at(sums.grr12, m), at(sums.mrr, m - 12)),
      quickRatio: ratio(grow, lose),
      ltv: arpa === null || meanChurn === 0 ? null : ratio(arpa * grossMargin, meanChurn),
      upsell: { mrr: at(sums.upsellMrr, m) / scale, customers: at(sums.upsellCustomers, m) },
      crossSell: { mrr: at(sums.crossSellMrr, m) / scale, customers: at(sums.crossSellCustomers, m) },
      upsellRate: ratio(at(sums.upsellCustomers, m), previousCustomers),
      crossSellRate: ratio(at(sums.crossSellCustomers, m), previousCustomers),
      renewals: conversion(at(sums.renewalsDue, m), at(sums.renewed, m)),
      trials: conversion(at(sums.trialsStarted, m), at(sums.trialsConverted, m)),
    });
  }
  return months;
}

function conversion(total: number, succeeded: number): Conversion {
  return { total, succeeded, rate: ratio(succeeded, total) };
}

import type { SubscriptionLine } from '../model/subscription-line.js';
import { parseMonth } from '../time/month.js';
import type { RevenueAnalysis } from './analyse-revenue.js';
import { groupIndexOf } from './customer-retention.js';
import { customerLines } from './customer-lines.js';
import { splitExpansion } from './expansion-split.js';
import { customerMrr } from './revenue-ledger.js';
import { MOVEMENT_CODES, type MovementKind } from './movements.js';

/** What can be explained customer by customer: a movement, or one of the two parts of expansion. */
export type ExplainedMovement = MovementKind | 'upsell' | 'crossSell';

/** One line's part in a customer's change. Money in minor units, unrounded. */
export interface LineContribution {
  readonly line: SubscriptionLine;
  /** Its normalised MRR in the previous month's snapshot (0 if not active then). */
  readonly previousMrr: number;
  /** Its normalised MRR in the month's snapshot. */
  readonly mrr: number;
}

/** One customer behind a movement. */
export interface CustomerMovement {
  readonly customerId: string;
  readonly previousMrr: number;
  readonly mrr: number;
  /** The customer's part of the movement (positive). */
  readonly amount: number;
  /** Lines active in either month, the changed ones first. */
  readonly lines: readonly LineContribution[];
}

/** The customers behind one movement in one month, largest amount first. */
export interface MovementExplanation {
  readonly month: string;
  readonly movement: ExplainedMovement;
  readonly currency: string;
  /** Σ amount, equal to the month's movement total. */
  readonly mrr: number;
  readonly customers: readonly CustomerMovement[];
}

function monthOffset(analysis: RevenueAnalysis, month: string): number {
  const { firstMonth, width } = analysis.internals.ledger;
  const m = (parseMonth(month) ?? Number.NaN) - firstMonth;
  if (!(m >= 0 && m < width))
    throw new RangeError(
      `Month ${month} is outside the analysis (${analysis.months[0] ?? '(none)'} … ${analysis.months.at(-1) ?? '(none)'})`,
    );
  return m;
}

/**
 * The customers behind a movement in a month, with their lines: answers "why did churn jump in
 * March?" (`explainMovement(analysis, '2024-03', 'churn')`). With `group`, only that group's customers.
 *
 * @throws RangeError for a month outside the analysis or an unknown group.
 */
export function explainMovement(
  analysis: RevenueAnalysis,
  month: string,
  movement: ExplainedMovement,
  options: { group?: string | null } = {},
): MovementExplanation {
  const { ledger, movementCodes, groupOf } = analysis.internals;
  const { scale, customerIds, customerStart, customerCells, lines } = ledger;
  const { offsets, index, from: lineFrom, to: lineTo, ticks: lineTicks } = customerLines(ledger);
  const m = monthOffset(analysis, month);
  const group = groupIndexOf(analysis, options.group);
  const split = movement === 'upsell' || movement === 'crossSell';
  const code = MOVEMENT_CODES[split ? 'expansion' : movement];
  const scratch = split ? new Float64Array(ledger.products.length) : undefined;
  const found: CustomerMovement[] = [];
  let total = 0;
  for (let c = 0; c < customerIds.length; c++) {
    const start = customerStart[c] as number;
    if (
      m < start ||
      movementCodes[(customerCells[c] as number) + m - start] !== code ||
      (group >= 0 && groupOf?.[c] !== group)
    )
      continue;
    const q = customerMrr(ledger, c, m);
    const p = customerMrr(ledger, c, m - 1);
    let amount = Math.abs(q - p);
    if (scratch !== undefined) {
      const parts = splitExpansion(ledger, c, m, scratch);
      amount = movement === 'upsell' ? parts.upsell : parts.crossSell;
      if (amount === 0) continue;
    }
    const contributions: LineContribution[] = [];
    for (let k = offsets[c] as number; k < (offsets[c + 1] as number); k++) {
      const from = lineFrom[k] as number;
      const to = lineTo[k] as number;
      const before = from <= m - 1 && m - 1 < to;
      const now = from <= m && m < to;
      if (!before && !now) continue;
      const ticks = (lineTicks[k] as number) / scale;
      contributions.push({
        line: lines[index[k] as number] as SubscriptionLine,
        previousMrr: before ? ticks : 0,
        mrr: now ? ticks : 0,
      });
    }
    contributions.sort((x, y) => Number(x.previousMrr === x.mrr) - Number(y.previousMrr === y.mrr));
    total += amount;
    found.push({
      customerId: customerIds[c] as string,
      previousMrr: p / scale,
      mrr: q / scale,
      amount: amount / scale,
      lines: contributions,
    });
  }
  found.sort((x, y) => y.amount - x.amount || (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0));
  return { month, movement, currency: analysis.currency, mrr: total / scale, customers: found };
}

/** Rates that can be explained by their parts. */
export type ExplainedRate = 'logoChurnRate' | 'grossMrrChurnRate' | 'netMrrChurnRate' | 'grr' | 'nrr' | 'quickRatio';

/** A rate, its numerator and denominator, and the movements behind them. */
export interface RateExplanation {
  readonly month: string;
  readonly rate: ExplainedRate;
  readonly value: number | null;
  /** In customers for `logoChurnRate`, else minor units. */
  readonly numerator: number;
  readonly denominator: number;
  /** The formula in words, e.g. `(churn + contraction) ÷ MRR(M−1)`. */
  readonly formula: string;
  readonly movements: readonly MovementExplanation[];
}

const RATE_PARTS: Readonly<Record<ExplainedRate, { formula: string; plus: MovementKind[]; minus: MovementKind[] }>> = {
  logoChurnRate: { formula: 'churned customers ÷ customers(M−1)', plus: ['churn'], minus: [] },
  grossMrrChurnRate: { formula: '(churn + contraction) ÷ MRR(M−1)', plus: ['churn', 'contraction'], minus: [] },
  netMrrChurnRate: {
    formula: '(churn + contraction − expansion − reactivation) ÷ MRR(M−1)',
    plus: ['churn', 'contraction'],
    minus: ['expansion', 'reactivation'],
  },
  grr: { formula: '(MRR(M−1) − churn − contraction) ÷ MRR(M−1)', plus: [], minus: ['churn', 'contraction'] },
  nrr: {
    formula: '(MRR(M−1) − churn − contraction + expansion) ÷ MRR(M−1)',
    plus: ['expansion'],
    minus: ['churn', 'contraction'],
  },
  quickRatio: {
    formula: '(new + expansion + reactivation) ÷ (churn + contraction)',
    plus: ['new', 'expansion', 'reactivation'],
    minus: [],
  },
};

/**
 * A rate of one month taken apart: its numerator, denominator and the customers behind each
 * movement in it, for all customers or one group.
 *
 * @throws RangeError for a month outside the analysis or an unknown group.
 */
export function explainRate(
  analysis: RevenueAnalysis,
  month: string,
  rate: ExplainedRate,
  options: { group?: string | null } = {},
): RateExplanation {
  const m = monthOffset(analysis, month);
  const group = groupIndexOf(analysis, options.group);
  const series = group < 0 ? analysis.total : (analysis.groups[group]?.series ?? analysis.total);
  const current = series.months[m];
  const previous = series.months[m - 1];
  const parts = RATE_PARTS[rate];
  const movements = [...parts.plus, ...parts.minus].map((kind) => explainMovement(analysis, month, kind, options));
  const sum = (kinds: readonly MovementKind[]): number =>
    kinds.reduce((acc, kind) => acc + (current?.movements[kind].mrr ?? 0), 0);
  const previousMrr = previous?.mrr ?? 0;
  let numerator: number;
  let denominator: number;
  if (rate === 'logoChurnRate') {
    numerator = current?.movements.churn.customers ?? 0;
    denominator = previous?.customers ?? 0;
  } else if (rate === 'quickRatio') {
    numerator = sum(parts.plus);
    denominator = sum(['churn', 'contraction']);
  } else {
    const base = rate === 'grr' || rate === 'nrr' ? previousMrr : 0;
    numerator = base + sum(parts.plus) - sum(parts.minus);
    denominator = previousMrr;
  }
  return { month, rate, value: current?.[rate] ?? null, numerator, denominator, formula: parts.formula, movements };
}

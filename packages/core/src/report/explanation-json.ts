import { toMajorUnits } from '../money/decimal.js';
import type { RevenueAnalysis } from '../revenue/analyse-revenue.js';
import type {
  CustomerMovement,
  ExplainedMovement,
  ExplainedRate,
  MovementExplanation,
  RateExplanation,
} from '../revenue/explain.js';

/** One subscription line of a customer in the explain JSON; money in major units. */
export interface ExplainLineJson {
  readonly lineId: string | null;
  readonly subscriptionId: string | null;
  readonly product: string | null;
  readonly plan: string | null;
  readonly previousMrr: number;
  readonly mrr: number;
}

/** One customer behind a movement; `amount` is its (positive) part of the movement. */
export interface ExplainCustomerJson {
  readonly customerId: string;
  readonly previousMrr: number;
  readonly mrr: number;
  readonly amount: number;
  /** Lines active in either month, the changed ones first. */
  readonly lines: readonly ExplainLineJson[];
}

/** The customers behind one movement (`cskit explain --movement`): what `<cs-customer-list>` reads. */
export interface MovementExplanationJson {
  readonly version: 1;
  readonly currency: string;
  readonly month: string;
  readonly movement: ExplainedMovement;
  /** The movement's total, the number `cskit report` prints for it. */
  readonly mrr: number;
  /** Largest amount first. */
  readonly customers: readonly ExplainCustomerJson[];
}

/** A rate taken apart: numerator, denominator and each movement in it. */
export interface RateExplanationJson {
  readonly version: 1;
  readonly currency: string;
  readonly month: string;
  readonly rate: ExplainedRate;
  readonly value: number | null;
  /** Customers for `logoChurnRate`, else money in major units. */
  readonly numerator: number;
  readonly denominator: number;
  readonly formula: string;
  readonly movements: readonly Omit<MovementExplanationJson, 'version' | 'currency'>[];
}

/** The JSON of `cskit explain`: a movement or a rate (docs/cli.md). */
export type ExplanationJson = MovementExplanationJson | RateExplanationJson;

/**
 * `explainMovement`'s result as the versioned JSON of `cskit explain` (docs/cli.md), for a backend to
 * serve to `<cs-customer-list>`: money in major units, each amount rounded half-to-even once from the
 * unrounded minor units, so `mrr` is exactly the number `buildReport` gives the movement (the
 * customers' rounded amounts can differ from it by rounding only when amounts have fractions of a cent).
 * Lines keep their ids, product and plan; their dates and prices stay on the server.
 */
export function movementExplanationJson(
  analysis: RevenueAnalysis,
  explanation: MovementExplanation,
): MovementExplanationJson {
  return { version: 1, currency: explanation.currency, ...movementBody(explanation, analysis.exponent) };
}

/** `explainRate`'s result as the versioned JSON of `cskit explain --rate` (see {@link movementExplanationJson}). */
export function rateExplanationJson(analysis: RevenueAnalysis, explanation: RateExplanation): RateExplanationJson {
  const { exponent, currency } = analysis;
  const money = explanation.rate !== 'logoChurnRate';
  return {
    version: 1,
    currency,
    month: explanation.month,
    rate: explanation.rate,
    value: explanation.value,
    numerator: money ? toMajorUnits(explanation.numerator, exponent) : explanation.numerator,
    denominator: money ? toMajorUnits(explanation.denominator, exponent) : explanation.denominator,
    formula: explanation.formula,
    movements: explanation.movements.map((m) => movementBody(m, exponent)),
  };
}

function movementBody(
  explanation: MovementExplanation,
  exponent: number,
): Omit<MovementExplanationJson, 'version' | 'currency'> {
  const money = (minor: number): number => toMajorUnits(minor, exponent);
  const customer = (c: CustomerMovement): ExplainCustomerJson => ({
    customerId: c.customerId,
    previousMrr: money(c.previousMrr),
    mrr: money(c.mrr),
    amount: money(c.amount),
    lines: c.lines.map(({ line, previousMrr, mrr }) => ({
      lineId: line.lineId ?? null,
      subscriptionId: line.subscriptionId ?? null,
      product: line.product ?? null,
      plan: line.plan ?? null,
      previousMrr: money(previousMrr),
      mrr: money(mrr),
    })),
  });
  return {
    month: explanation.month,
    movement: explanation.movement,
    mrr: money(explanation.mrr),
    customers: explanation.customers.map(customer),
  };
}

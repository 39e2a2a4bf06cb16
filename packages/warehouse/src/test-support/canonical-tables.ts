import { currencyExponent, formatMinorUnits, type FxRate, type SubscriptionLine } from '@cskit/core';

/** How a test line is stored: priced with `amount` + `interval`, or with `mrr` (monthly lines only). */
export interface StoredLine extends SubscriptionLine {
  /** Store `amount` as the `mrr` column instead (the line must be monthly with interval_count 1). */
  readonly asMrr?: boolean;
  /** Leave defaultable columns NULL where the value is the default. */
  readonly nullDefaults?: boolean;
}

/** The DDL of the canonical tables (docs/warehouse.md), for engines that read ANSI types. */
export const CANONICAL_DDL = [
  `CREATE TABLE subscriptions (line_id TEXT, customer_id TEXT, subscription_id TEXT, product TEXT, plan TEXT,
    start_date DATE, end_date DATE, amount DECIMAL(20, 4), mrr DECIMAL(20, 4), "interval" TEXT,
    interval_count INTEGER, quantity INTEGER, currency TEXT, is_trial BOOLEAN)`,
  'CREATE TABLE fx ("date" DATE, currency TEXT, rate DECIMAL(18, 8))',
];

const text = (value: string | undefined): string => (value === undefined ? 'NULL' : `'${value.replaceAll("'", "''")}'`);
const date = (value: string | undefined): string => (value === undefined ? 'NULL' : `DATE '${value}'`);

/**
 * VALUES tuples of the lines, in the column order of {@link CANONICAL_DDL}; a NULL currency means the
 * reporting currency.
 */
export function subscriptionValues(lines: readonly StoredLine[], reportingCurrency: string): string[] {
  return lines.map((line, i) => {
    const amount = formatMinorUnits(line.amountMinor, currencyExponent(line.currency));
    const defaults = line.nullDefaults === true;
    const keep = <T>(value: T, fallback: T): T | undefined => (defaults && value === fallback ? undefined : value);
    const quantity = keep(line.quantity, 1);
    const count = keep(line.intervalCount, 1);
    const trial = keep(line.isTrial, false);
    return [
      text(line.lineId ?? `l${i}`),
      text(line.customerId),
      text(line.subscriptionId),
      text(line.product),
      text(line.plan),
      date(line.startDate),
      date(line.endDate),
      line.asMrr === true ? 'NULL' : amount,
      line.asMrr === true ? amount : 'NULL',
      line.asMrr === true ? 'NULL' : text(line.interval),
      line.asMrr === true || count === undefined ? 'NULL' : String(count),
      quantity === undefined ? 'NULL' : String(quantity),
      text(keep(line.currency, reportingCurrency)),
      trial === undefined ? 'NULL' : String(trial).toUpperCase(),
    ].join(', ');
  });
}

/** VALUES tuples of FX rates. */
export function fxValues(rates: readonly FxRate[]): string[] {
  return rates.map((rate) => `${date(rate.date)}, ${text(rate.currency)}, ${rate.rate}`);
}

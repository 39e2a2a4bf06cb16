import { quoteValue } from '../validation/quote-value.js';
import type { CsCost } from '../model/cs-cost.js';
import { currencyExponent, isCurrencyCode } from '../money/currencies.js';
import { parseMinorUnits, type DecimalProblem } from '../money/decimal.js';
import { parseMonth } from '../time/month.js';
import type { ValidationIssue } from '../validation/validation-error.js';
import type { CanonicalRecord, ReadOptions, ReadResult } from './read-options.js';
import { readRecords } from './record-reader.js';

const PROBLEMS: Readonly<Record<DecimalProblem, (currency: string, exponent: number) => string>> = {
  'not-a-number': () => 'not a decimal number (expected e.g. 1200.00)',
  negative: () => 'costs cannot be negative',
  'too-many-decimals': (currency, exponent) => `more decimals than ${currency} allows (${exponent})`,
  'too-large': () => 'amount too large',
};

/** A cost whose `currency` is empty and has no default: its amount is read once the file's currency is known. */
interface PendingCost {
  readonly row: number;
  readonly text: string;
}

/**
 * Reads customer-success costs (metrics.md §1, §9): `month` (`YYYY-MM`) and `amount` (a decimal in
 * major units, read exactly into minor units) required; `currency`, `category`. Several records of one
 * month are kept apart (they add up, e.g. one per category), so there is no uniqueness rule.
 *
 * An empty `currency` takes `defaultCurrency`, else the only currency the other records name, as
 * subscription lines do; when they name none or several, those records are errors, because the
 * amount's minor unit is unknown.
 *
 * @throws CskitValidationError with `onError: 'throw'` when any record is bad, and in both modes once
 * `limit` issues are found.
 * @throws RangeError when `defaultCurrency` is not an ISO 4217 code.
 */
export function readCsCosts(records: Iterable<CanonicalRecord>, options: ReadOptions): ReadResult<CsCost> {
  const defaultCurrency = options.defaultCurrency?.toUpperCase();
  if (defaultCurrency !== undefined && !isCurrencyCode(defaultCurrency)) {
    throw new RangeError(
      `Unknown default currency ${quoteValue(options.defaultCurrency)} (expected ISO 4217, e.g. USD)`,
    );
  }
  const currencies = new Set<string>();
  const pending = new Map<CsCost, PendingCost>();
  return readRecords(
    records,
    options,
    (context) => {
      const monthText = context.field('month');
      if (monthText === undefined) context.report('month', undefined, 'month is required');
      else if (parseMonth(monthText) === undefined) context.report('month', monthText, 'month is not a month YYYY-MM');
      const amountText = context.field('amount');
      if (amountText === undefined) context.report('amount', undefined, 'amount is required');
      const currencyText = context.field('currency');
      let currency = currencyText?.toUpperCase() ?? defaultCurrency;
      if (currencyText !== undefined && currency !== undefined) {
        if (isCurrencyCode(currency)) currencies.add(currency);
        else {
          context.report('currency', currencyText, 'unknown currency code (expected ISO 4217, e.g. USD)');
          currency = undefined;
        }
      }
      let amountMinor = 0;
      if (amountText !== undefined && currency !== undefined) {
        const exponent = currencyExponent(currency);
        const result = parseMinorUnits(amountText, exponent);
        if (result.ok) amountMinor = result.minor;
        else context.report('amount', amountText, PROBLEMS[result.problem](currency, exponent));
      }
      if (monthText === undefined || amountText === undefined) return undefined;
      const category = context.field('category');
      const cost: CsCost = {
        month: monthText,
        amountMinor,
        currency: currency ?? '',
        ...(category === undefined ? {} : { category }),
        row: context.row,
      };
      // Only an otherwise good record waits for its currency: a bad one is already dropped.
      if (currencyText === undefined && currency === undefined && parseMonth(monthText) !== undefined) {
        pending.set(cost, { row: context.row, text: amountText });
      }
      return cost;
    },
    (kept, report) => resolvePending(kept, pending, currencies, options.source, report),
  );
}

function resolvePending(
  kept: CsCost[],
  pending: ReadonlyMap<CsCost, PendingCost>,
  currencies: ReadonlySet<string>,
  source: string,
  report: (issue: ValidationIssue) => void,
): CsCost[] {
  if (pending.size === 0) return kept;
  const [only] = currencies;
  if (currencies.size !== 1 || only === undefined) {
    const first = pending.values().next().value;
    if (currencies.size === 0 && first !== undefined) {
      // One issue, not one per row: the fix (a currency column or a default currency) is the same.
      report({
        source,
        row: first.row,
        field: 'currency',
        value: '',
        reason: 'no currency given: add a currency column or set a default currency',
      });
    } else {
      const names = [...currencies].sort().join(', ');
      for (const item of pending.values()) {
        report({
          source,
          row: item.row,
          field: 'currency',
          value: '',
          reason: `currency is empty and the input has several (${names}): set it or a default currency`,
        });
      }
    }
    return kept.filter((cost) => !pending.has(cost));
  }
  const exponent = currencyExponent(only);
  const resolved: CsCost[] = [];
  for (const cost of kept) {
    const item = pending.get(cost);
    if (item === undefined) {
      resolved.push(cost);
      continue;
    }
    const result = parseMinorUnits(item.text, exponent);
    if (result.ok) resolved.push({ ...cost, currency: only, amountMinor: result.minor });
    else
      report({
        source,
        row: item.row,
        field: 'amount',
        value: item.text,
        reason: PROBLEMS[result.problem](only, exponent),
      });
  }
  return resolved;
}

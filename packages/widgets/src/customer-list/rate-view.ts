import { html, type nothing, type TemplateResult } from 'lit';
import { formatDecimal, formatMoney, formatPercent } from '../internal/chart/numbers.js';
import { periodLabel } from '../internal/chart/period.js';
import { pickMessages } from '../internal/messages.js';
import {
  isMoney,
  movementName,
  movementProblem,
  type ExplainedMovementPart,
  type RateExplanationInput,
} from './customer-list-data.js';
import type { CustomerListMessages } from './customer-list.messages.js';
import { rateViewMessages, type RateName } from './rate-view.messages.js';

/*
 * How `<cs-customer-list>` draws a rate (`cskit explain --rate`). The element imports this module the
 * first time a rate arrives, so a page that only shows movements never loads it.
 */

/**
 * How each rate is made of its movements: `base` when the numerator starts from the month before's
 * MRR (the denominator), and the sign each movement adds with. Mirrors core's `explainRate`.
 */
const RATE_PARTS: Readonly<
  Record<string, { readonly base: boolean; readonly signs: Readonly<Record<string, 1 | -1>> }>
> = {
  logoChurnRate: { base: false, signs: { churn: 1 } },
  grossMrrChurnRate: { base: false, signs: { churn: 1, contraction: 1 } },
  netMrrChurnRate: { base: false, signs: { churn: 1, contraction: 1, expansion: -1, reactivation: -1 } },
  grr: { base: true, signs: { churn: -1, contraction: -1 } },
  nrr: { base: true, signs: { expansion: 1, churn: -1, contraction: -1 } },
  quickRatio: { base: false, signs: { new: 1, expansion: 1, reactivation: 1 } },
};

/**
 * Why a rate's explanation (whose version, currency and month `explanationProblem` has checked) is not
 * one, naming the field, or `null`.
 */
export function rateProblem(value: object): string | null {
  const e = value as Record<string, unknown>;
  if (typeof e.rate !== 'string' || !Object.hasOwn(RATE_PARTS, e.rate)) {
    return `explanation.rate ${JSON.stringify(e.rate)} is not one of ${Object.keys(RATE_PARTS).join(', ')}`;
  }
  if (e.value !== null && !isMoney(e.value)) return 'explanation.value is neither a number nor null';
  for (const key of ['numerator', 'denominator'] as const) {
    if (!isMoney(e[key])) return `explanation.${key} is not a number`;
  }
  if (!Array.isArray(e.movements)) return 'explanation.movements is not an array';
  for (const [i, part] of (e.movements as unknown[]).entries()) {
    const at = `explanation.movements[${i}]`;
    if (typeof part !== 'object' || part === null) return `${at} is not an object`;
    const problem = movementProblem(part as Record<string, unknown>, at);
    if (problem) return problem;
  }
  return null;
}

/** The month before `YYYY-MM`, as `YYYY-MM`: a rate's denominator is that month's. */
export function previousMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${String(year).padStart(4, '0')}-${String(m - 1).padStart(2, '0')}`;
}

/** What the element lends the view: its label, language, formats, export menu and customer tables. */
export interface RateViewContext {
  readonly label: string;
  readonly locale: string;
  readonly m: CustomerListMessages;
  readonly money: (value: number) => string;
  readonly menu: TemplateResult | typeof nothing;
  /** One movement's customers, paged, in a table named by the element `heading`. */
  readonly customers: (part: ExplainedMovementPart, index: number, heading: string) => TemplateResult;
}

/** The header of the movement column when a rate's customers are exported as one table. */
export function movementHeader(locale: string): string {
  return pickMessages(rateViewMessages, locale).movement;
}

/**
 * A rate taken apart: its value as numerator ÷ denominator, a table of the parts that make the
 * numerator (the month before's MRR for retention, each movement with the sign it adds with), then the
 * customers of each movement.
 */
export function rateView(e: RateExplanationInput, c: RateViewContext): TemplateResult {
  const { locale, m, money } = c;
  const r = pickMessages(rateViewMessages, locale);
  const name = c.label || (Object.hasOwn(r.rates, e.rate) ? r.rates[e.rate as RateName] : e.rate);
  const parts = RATE_PARTS[e.rate] ?? { base: false, signs: {} };
  const before = periodLabel(previousMonth(e.month), locale, 'long');
  const logo = e.rate === 'logoChurnRate';
  // The logo churn rate counts customers; the others are money.
  const amount = logo ? (v: number) => formatDecimal(v, locale, 0) : money;
  const value =
    e.value === null
      ? '–'
      : e.rate === 'quickRatio'
        ? formatDecimal(e.value, locale, 2)
        : formatPercent(e.value, locale, 2);
  const signed = (part: ExplainedMovementPart) =>
    formatMoney((parts.signs[part.movement] ?? 1) * part.mrr, locale, e.currency, { signed: true });
  const denominator = logo
    ? r.customersIn(before)
    : e.rate === 'quickRatio'
      ? `${m.movements.churn} + ${m.movements.contraction}`
      : r.mrrIn(before);
  const rows: (readonly [string, string])[] = [
    ...(parts.base ? [[r.mrrIn(before), money(e.denominator)] as const] : []),
    ...(logo
      ? [[r.churnedCustomers, amount(e.numerator)] as const]
      : e.movements.map((part) => [movementName(part.movement, m), signed(part)] as const)),
    [r.numerator, amount(e.numerator)],
    [`${r.denominator}: ${denominator}`, amount(e.denominator)],
    [name, value],
  ];
  return html`<p class="heading" part="heading" id="heading">
      ${m.heading(name, periodLabel(e.month, locale, 'long'))}
    </p>
    <p class="total" part="total">${value} = ${amount(e.numerator)} ÷ ${amount(e.denominator)}</p>
    ${c.menu}
    <div class="table-wrap">
      <table part="parts" class="parts">
        <caption>
          ${r.parts}
        </caption>
        <thead>
          <tr>
            <th scope="col">${r.part}</th>
            <th scope="col">${r.amount}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([label, cell]) =>
              html`<tr>
                <th scope="row">${label}</th>
                <td>${cell}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${e.movements.map(
      (part, i) =>
        html`<section class="movement" aria-labelledby=${`heading-${i + 1}`}>
          <p class="heading" part="heading" id=${`heading-${i + 1}`}>
            ${m.heading(movementName(part.movement, m), periodLabel(part.month, locale, 'long'))}
          </p>
          <p class="total" part="total">${m.total(money(part.mrr), part.customers.length)}</p>
          ${c.customers(part, i + 1, `heading-${i + 1}`)}
        </section>`,
    )}`;
}

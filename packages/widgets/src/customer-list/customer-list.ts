import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { periodLabel } from '../internal/chart/period.js';
import { formatDecimal, formatMoney, formatPercent } from '../internal/chart/numbers.js';
import type { TableCell, TableSpec } from '../internal/chart/data-table.js';
import { ExportingElement } from '../internal/export/exportable.js';
import { LangController } from '../internal/lang-controller.js';
import { resolveLocale } from '../internal/locale.js';
import { commonMessages, pickMessages } from '../internal/messages.js';
import { retryButton, retryButtonStyles } from '../internal/retry-button.js';
import { bone, loadingStatus, skeletonStyles } from '../internal/skeleton.js';
import { SrcLoader } from '../internal/src-loader.js';
import { AncestorThemeController, THEME_PROPERTY, type Theme } from '../internal/theme-property.js';
import { WIDGETS_VERSION } from '../internal/version.js';
import {
  RATE_PARTS,
  byContribution,
  customerUrl,
  explanationProblem,
  isRateExplanation,
  previousMonth,
  type ExplainedCustomer,
  type ExplainedLine,
  type ExplainedMovementPart,
  type ExplanationInput,
  type RateExplanationInput,
} from './customer-list-data.js';
import {
  customerListMessages,
  type CustomerListMessages,
  type MovementName,
  type RateName,
} from './customer-list.messages.js';
import { customerListStyles } from './customer-list.styles.js';
import { DataProblems } from '../internal/data-problems.js';

/** Rows the skeleton shows while loading. */
const SKELETON_ROWS = 5;

/**
 * The customers behind one number: given the JSON of `cskit explain --movement` (core's
 * `movementExplanationJson`), it lists the customers that make up a month's movement, largest
 * contribution first, each with its MRR before and after and the subscription lines that changed, and
 * a total equal to the movement's number. Given the JSON of `cskit explain --rate` (core's
 * `rateExplanationJson`), it takes the rate apart — numerator, denominator and the value, equal to the
 * rate clicked — and lists the customers of each movement in the numerator, one table per movement. Beyond `page-size` customers (50) it shows them a page at a
 * time. Each customer's id links through `customer-href`, or through a slotted element of your own.
 *
 * @tag cs-customer-list
 * @summary The customers behind a movement or a rate of one month (drill-down).
 * @since 0.2.0
 *
 * @slot customer-{customerId} - Replaces a customer's id in its row, e.g. `<a slot="customer-acme"
 * href="/crm/acme">Acme GmbH</a>` to show a name. Without it the id shows, as a link when `customer-href` is set.
 *
 * @csspart base - The list (a `section` named by the heading).
 * @csspart heading - The heading: movement or rate and month (or `label`); for a rate, also each movement's.
 * @csspart total - The movement's total and how many customers make it up; for a rate, its value as numerator ÷ denominator.
 * @csspart parts - For a rate, the table of its parts: numerator, denominator, value.
 * @csspart table - The table of customers (for a rate, one per movement).
 * @csspart export - The export menu (`export` attribute): its toggle is `export-toggle`, its buttons `export-item`.
 * @csspart customer-link - Each customer's link, when `customer-href` is set.
 * @csspart pagination - The row of page controls (a `nav`), when there is more than one page.
 * @csspart previous - The "Previous" page button.
 * @csspart next - The "Next" page button.
 * @csspart state - The empty or error message (while loading, the visually hidden "Loading…" status).
 * @csspart retry - The "Retry" button of the error state when `src` could not be loaded.
 *
 * @cssproperty --cs-customer-list-background - Background. Falls back to `--cs-surface`.
 * @cssproperty --cs-customer-list-color - Text colour. Falls back to `--cs-text`.
 * @cssproperty --cs-customer-list-muted-color - Secondary text (headers, lines). Falls back to `--cs-text-muted`.
 * @cssproperty --cs-customer-list-link-color - Link colour. Falls back to `--cs-accent`.
 * @cssproperty --cs-customer-list-error-color - Error message colour. Falls back to `--cs-bad`.
 * @cssproperty --cs-customer-list-radius - Corner radius. Falls back to `--cs-radius`.
 * @cssproperty --cs-customer-list-border - Border shorthand.
 *
 * @event cs-data-error - The data could not be loaded or read; `detail.reason` says why.
 * @event cs-export - A format of the export menu was chosen; `detail` is `{ format, blob, filename }`.
 * Cancelable: `preventDefault()` stops the download (to send the file elsewhere).
 */
export class CsCustomerList extends ExportingElement {
  static readonly version = WIDGETS_VERSION;
  static override styles = [skeletonStyles, retryButtonStyles, customerListStyles];

  /** URL of the JSON of `cskit explain --movement` or `--rate` (docs/cli.md). Ignored when `data` is set. */
  @property() src = '';

  /** A movement or a rate explanation (the JSON of `cskit explain --movement` or `--rate`). */
  @property({ attribute: false }) data: ExplanationInput | undefined = undefined;

  /** The heading instead of the movement's or rate's name, e.g. "Churned in March"; the month is added. */
  @property() label = '';

  /**
   * URL template of a customer's page: `{customerId}` is replaced by the id, URL-encoded
   * (`/customers/{customerId}`). Without it, ids are plain text unless a slot links them.
   */
  @property({ attribute: 'customer-href' }) customerHref = '';

  /** Customers per page (at least 1). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 50;

  /** BCP 47 locale; defaults to the nearest `lang` attribute. */
  @property() locale = '';

  /** `light`, `dark`, or empty to follow the closest `data-cs-theme` ancestor, else `prefers-color-scheme`. */
  @property(THEME_PROPERTY) theme: Theme = '';

  /** The page shown of each table of customers (one for a movement, one per movement of a rate), from 0. */
  @state() private pages: readonly number[] = [];

  /** The explanation shown, for export; undefined in the other states. */
  private shown: ExplanationInput | undefined;

  private readonly loader = new SrcLoader(this, () => (this.data === undefined ? this.src : ''));
  private readonly langController = new LangController(this);
  private readonly themeController = new AncestorThemeController(this);
  private readonly problems = new DataProblems(this, 'cs-customer-list');

  protected override willUpdate(changed: PropertyValues<this>): void {
    // New data starts at its first page.
    if (changed.has('data') || changed.has('src')) this.pages = [];
  }

  protected override render(): TemplateResult {
    const locale = resolveLocale(this, this.locale);
    const t = pickMessages(commonMessages, locale);
    this.shown = undefined;
    if (this.data !== undefined) return this.content(this.data, locale);
    if (!this.src) return this.frame(html`<p class="state" part="state">${t.empty}</p>`);
    const loading = () =>
      this.frame(
        html`<p class="heading">${bone('medium')}</p>
          <p class="total">${bone('long')}</p>
          <div class="skeleton-rows" aria-hidden="true">
            ${Array.from({ length: SKELETON_ROWS }, () => html`<p>${bone('full')}</p>`)}
          </div>
          ${loadingStatus(t.loading)}`,
        true,
      );
    return this.loader.render({
      initial: loading,
      pending: loading,
      error: (error: unknown) => this.failed(t.error, error instanceof Error ? error.message : String(error), t.retry),
      complete: (value: unknown) => this.content(value, locale),
    });
  }

  private frame(body: TemplateResult, loading = false, labelled = false): TemplateResult {
    return html`<section
      part="base"
      aria-labelledby=${labelled ? 'heading' : nothing}
      aria-busy=${loading ? 'true' : nothing}
    >
      ${body}
    </section>`;
  }

  private content(input: unknown, locale: string): TemplateResult {
    const t = pickMessages(commonMessages, locale);
    const problem = explanationProblem(input);
    if (problem) return this.failed(t.invalidData, problem);
    this.problems.clear();
    const explanation = input as ExplanationInput;
    this.shown = explanation;
    const m = pickMessages(customerListMessages, locale);
    const money = (value: number) => formatMoney(value, locale, explanation.currency);
    if (isRateExplanation(explanation)) return this.rate(explanation, locale, m, money);
    const name = this.label || movementName(explanation.movement, m);
    return this.frame(
      html`<p class="heading" part="heading" id="heading">
          ${m.heading(name, periodLabel(explanation.month, locale, 'long'))}
        </p>
        <p class="total" part="total">${m.total(money(explanation.mrr), explanation.customers.length)}</p>
        ${this.exportMenu(locale)} ${this.customers(explanation, 0, 'heading', locale, money, m)}`,
      false,
      true,
    );
  }

  /**
   * A rate taken apart: its value as numerator ÷ denominator, a table of the parts that make the
   * numerator (the month before's MRR for retention, each movement with the sign it adds with), then
   * the customers of each movement.
   */
  private rate(
    e: RateExplanationInput,
    locale: string,
    m: CustomerListMessages,
    money: (value: number) => string,
  ): TemplateResult {
    const name = this.label || (Object.hasOwn(m.rates, e.rate) ? m.rates[e.rate as RateName] : e.rate);
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
    const rows: [string, string][] = [
      ...(parts.base ? [[m.mrrIn(before), money(e.denominator)] as [string, string]] : []),
      ...(logo
        ? [[m.churnedCustomers, amount(e.numerator)] as [string, string]]
        : e.movements.map((part): [string, string] => [movementName(part.movement, m), signed(part)])),
      [m.numerator, amount(e.numerator)],
      [
        `${m.denominator}: ${
          logo
            ? m.customersIn(before)
            : e.rate === 'quickRatio'
              ? `${m.movements.churn} + ${m.movements.contraction}`
              : m.mrrIn(before)
        }`,
        amount(e.denominator),
      ],
      [name, value],
    ];
    const month = periodLabel(e.month, locale, 'long');
    return this.frame(
      html`<p class="heading" part="heading" id="heading">${m.heading(name, month)}</p>
        <p class="total" part="total">${value} = ${amount(e.numerator)} ÷ ${amount(e.denominator)}</p>
        ${this.exportMenu(locale)}
        <div class="table-wrap">
          <table part="parts" class="parts">
            <caption>
              ${m.parts}
            </caption>
            <thead>
              <tr>
                <th scope="col">${m.part}</th>
                <th scope="col">${m.amount}</th>
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
              ${this.customers(part, i + 1, `heading-${i + 1}`, locale, money, m)}
            </section>`,
        )}`,
      false,
      true,
    );
  }

  /** One movement's customers, a page at a time, with its total in the footer. */
  private customers(
    part: ExplainedMovementPart,
    index: number,
    heading: string,
    locale: string,
    money: (value: number) => string,
    m: CustomerListMessages,
  ): TemplateResult {
    const customers = byContribution(part.customers);
    if (customers.length === 0) return html`<p class="state" part="state">${m.noCustomers}</p>`;
    const size = Math.max(1, Math.floor(this.pageSize) || 50);
    const pages = Math.max(1, Math.ceil(customers.length / size));
    const page = Math.min(this.pages[index] ?? 0, pages - 1);
    const shown = customers.slice(page * size, (page + 1) * size);
    const number = (value: number) => formatDecimal(value, locale, 0);
    const range = m.range(number(page * size + 1), number(page * size + shown.length), number(customers.length));
    const rangeId = index === 0 ? 'range' : `range-${index}`;
    return html`<div class="table-wrap">
        <table part="table" aria-labelledby=${heading} aria-describedby=${pages > 1 ? rangeId : nothing}>
          <thead>
            <tr>
              <th scope="col">${m.customer}</th>
              <th scope="col">${m.before}</th>
              <th scope="col">${m.after}</th>
              <th scope="col">${m.contribution}</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map((customer) => this.row(customer, money, m))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${m.totalRow}</th>
              <td></td>
              <td></td>
              <td>${money(part.mrr)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      ${pages > 1 ? this.pagination(index, page, pages, range, rangeId, index === 0 ? m.pages : `${m.pages}: ${movementName(part.movement, m)}`, m) : nothing}`;
  }

  /**
   * The customers as one table for export: the movement table's columns (for a rate, with the
   * movement, as its JSON names it, first), every customer of every page, money as numbers. The
   * footer's total is left out: it is not a customer, and a sum of the column would count it twice.
   */
  protected override exportTable(): TableSpec | null {
    const e = this.shown;
    if (!e) return null;
    const m = pickMessages(customerListMessages, resolveLocale(this, this.locale));
    const rate = isRateExplanation(e);
    const money = (value: number) => ({ value, style: 'currency', currency: e.currency, maxDigits: 2 }) as const;
    const rows = (rate ? e.movements : [e]).flatMap((part) =>
      byContribution(part.customers).map((c): TableCell[] => [
        ...(rate ? [part.movement] : []),
        c.customerId,
        money(c.previousMrr),
        money(c.mrr),
        money(c.amount),
      ]),
    );
    return {
      caption: this.label,
      columns: [...(rate ? [m.movement] : []), m.customer, m.before, m.after, m.contribution],
      rows,
    };
  }

  /** A list draws no chart: it exports its data only. */
  protected override exportsImages(): boolean {
    return false;
  }

  private row(customer: ExplainedCustomer, money: (value: number) => string, m: CustomerListMessages): TemplateResult {
    const id = customer.customerId;
    const fallback = this.customerHref
      ? html`<a part="customer-link" href=${customerUrl(this.customerHref, id)}>${id}</a>`
      : html`${id}`;
    const changed = (customer.lines ?? []).filter((line) => line.previousMrr !== line.mrr);
    return html`<tr>
      <th scope="row">
        <slot name=${`customer-${id}`}>${fallback}</slot>
        ${
          changed.length > 0
            ? html`<ul class="lines" aria-label=${m.linesChanged}>
                ${changed.map(
                  (line) => html`<li>${lineName(line, m)}: ${money(line.previousMrr)} → ${money(line.mrr)}</li>`,
                )}
              </ul>`
            : nothing
        }
      </th>
      <td>${money(customer.previousMrr)}</td>
      <td>${money(customer.mrr)}</td>
      <td>${money(customer.amount)}</td>
    </tr>`;
  }

  /**
   * Previous and Next as real buttons that stay focusable at the ends (`aria-disabled`), so focus never
   * drops to the page when the last page is reached; the range between them is announced politely.
   */
  private pagination(
    index: number,
    page: number,
    pages: number,
    range: string,
    rangeId: string,
    label: string,
    m: CustomerListMessages,
  ): TemplateResult {
    const go = (to: number) => () => {
      if (to < 0 || to >= pages) return;
      const next = [...this.pages];
      next[index] = to;
      this.pages = next;
    };
    return html`<nav part="pagination" aria-label=${label}>
      <button type="button" part="previous" aria-disabled=${page === 0 ? 'true' : 'false'} @click=${go(page - 1)}>
        ${m.previous}
      </button>
      <span id=${rangeId} class="range" aria-live="polite">${range}</span>
      <button type="button" part="next" aria-disabled=${page === pages - 1 ? 'true' : 'false'} @click=${go(page + 1)}>
        ${m.next}
      </button>
    </nav>`;
  }

  private failed(message: string, reason: string, retry?: string): TemplateResult {
    this.problems.report(message, reason);
    return this.frame(
      html`<p class="state error" part="state" role="alert">${message}</p>
        ${retry ? retryButton(retry, () => this.retry()) : nothing}`,
    );
  }

  /** Loads `src` again; a failure that repeats is reported again (event and console). */
  private retry(): void {
    this.problems.clear();
    this.loader.retry();
  }
}

/** The movement's name; one it does not know by its JSON name (own keys only: not "toString"'s). */
function movementName(movement: string, m: CustomerListMessages): string {
  return Object.hasOwn(m.movements, movement) ? m.movements[movement as MovementName] : movement;
}

/** "Platform · Growth", else the line's id, else "Line". */
function lineName(line: ExplainedLine, m: CustomerListMessages): string {
  const parts = [line.product, line.plan].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(' · ') : line.lineId || line.subscriptionId || m.line;
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-customer-list': CsCustomerList;
  }
  interface GlobalEventHandlersEventMap {
    'cs-data-error': CustomEvent<{ reason: string }>;
  }
}

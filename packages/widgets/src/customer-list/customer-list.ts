import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { periodLabel } from '../internal/chart/period.js';
import { formatDecimal, formatMoney } from '../internal/chart/numbers.js';
import type { TableSpec } from '../internal/chart/data-table.js';
import { ExportingElement } from '../internal/export/exportable.js';
import { LangController } from '../internal/lang-controller.js';
import { resolveLocale } from '../internal/locale.js';
import { commonMessages, loadingText, pickMessages } from '../internal/messages.js';
import { retryButton, retryButtonStyles } from '../internal/retry-button.js';
import { bone, loadingStatus, skeletonStyles } from '../internal/skeleton.js';
import { SrcLoader } from '../internal/src-loader.js';
import { AncestorThemeController, THEME_PROPERTY, type Theme } from '../internal/theme-property.js';
import { WIDGETS_VERSION } from '../internal/version.js';
import {
  byContribution,
  customerUrl,
  explanationProblem,
  isRateExplanation,
  movementName,
  type ExplainedCustomer,
  type ExplainedLine,
  type ExplainedMovementPart,
  type ExplanationInput,
} from './customer-list-data.js';
import { customerListMessages, type CustomerListMessages } from './customer-list.messages.js';
import type * as RateView from './rate-view.js';
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

  /** The code that draws a rate, once loaded. */
  @state() private rateView: typeof RateView | undefined;

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
    this.shown = undefined;
    const loading = () => this.loading(loadingText(locale));
    // Until its language's strings arrive the list keeps its skeleton: no English stands in meanwhile.
    if (!this.langController.translationsReady(locale)) return loading();
    const t = pickMessages(commonMessages, locale);
    if (this.data !== undefined) return this.content(this.data, locale);
    if (!this.src) return this.frame(html`<p class="state" part="state">${t.empty}</p>`);
    return this.loader.render({
      initial: loading,
      pending: loading,
      error: (error: unknown) => this.failed(t.error, error instanceof Error ? error.message : String(error), t.retry),
      complete: (value: unknown) => this.content(value, locale),
    });
  }

  /** The list's shape while `src` or the rate view loads: heading, total and a few rows. */
  private loading(message: string): TemplateResult {
    return this.frame(
      html`<p class="heading">${bone('medium')}</p>
        <p class="total">${bone('long')}</p>
        <div class="skeleton-rows" aria-hidden="true">
          ${Array.from({ length: SKELETON_ROWS }, () => html`<p>${bone('full')}</p>`)}
        </div>
        ${loadingStatus(message)}`,
      true,
    );
  }

  /**
   * Loads the code that draws a rate (rate-view.js) the first time one arrives: a page that shows only
   * movements never loads it. A failure is reported like data that did not load (event and console).
   */
  private async loadRateView(): Promise<void> {
    try {
      this.rateView ??= await import('./rate-view.js');
    } catch (error) {
      this.problems.report(pickMessages(commonMessages, resolveLocale(this, this.locale)).error, String(error));
    }
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
    const m = pickMessages(customerListMessages, locale);
    const money = (value: number) => formatMoney(value, locale, explanation.currency);
    if (isRateExplanation(explanation)) {
      const view = this.rateView;
      if (!view) {
        void this.loadRateView();
        return this.loading(loadingText(locale));
      }
      const rateProblem = view.rateProblem(explanation);
      if (rateProblem) return this.failed(t.invalidData, rateProblem);
      this.shown = explanation;
      return this.frame(
        view.rateView(explanation, {
          label: this.label,
          locale,
          m,
          money,
          menu: this.exportMenu(locale),
          customers: (part, index, heading) => this.customers(part, index, heading, locale, money, m),
        }),
        false,
        true,
      );
    }
    this.shown = explanation;
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

  /** The customers for export, built by explanation-export.js, which loads on first export. */
  protected override async exportTable(): Promise<TableSpec | null> {
    const e = this.shown;
    const locale = resolveLocale(this, this.locale);
    return !e ? null : (await import('./explanation-export.js')).explanationExport(e, this.label, locale);
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

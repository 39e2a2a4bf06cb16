import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { dataTable, tableToggle, type TableSpec } from '../internal/chart/data-table.js';
import { cssProperties } from '../internal/css-properties.js';
import { LangController } from '../internal/lang-controller.js';
import { resolveLocale } from '../internal/locale.js';
import { SrcLoader } from '../internal/src-loader.js';
import { commonMessages, languageFor, loadingText, pickMessages } from '../internal/messages.js';
import { chartMessages } from '../internal/chart/chart.messages.js';
import { WIDGETS_VERSION } from '../internal/version.js';
import { healthCardMessages, type HealthCardMessages } from './health-card.messages.js';
import { healthCardStyles } from './health-card.styles.js';
import { factorLabel, missingLabel, rawValue } from './default-factors.js';
import { numberFormat } from './number-format.js';
import {
  scoreAsCompared,
  toHealthView,
  type HealthCardInput,
  type HealthFactor,
  type HealthView,
  type MissingFactor,
} from './health-card-data.js';
import { AncestorThemeController, THEME_PROPERTY, type Theme } from '../internal/theme-property.js';
import { retryButton, retryButtonStyles } from '../internal/retry-button.js';
import { bone, loadingStatus, skeletonStyles } from '../internal/skeleton.js';

export type {
  HealthBand,
  HealthBandInput,
  HealthBands,
  HealthCardInput,
  HealthContext,
  HealthCustomer,
  HealthFactor,
  HealthReport,
  HealthSegment,
  MissingFactor,
} from './health-card-data.js';
import { DataProblems } from '../internal/data-problems.js';
import { ExportingElement } from '../internal/export/exportable.js';

/** A factor without data: "–" in the table, an empty field in an export. */
const NO_NUMBER = { value: null, style: 'decimal', maxDigits: 0, text: '–' } as const;

/**
 * Scores are truncated, not rounded, so that a score never reads as the band above it (39.99 shows as
 * 39.9, not 40); truncated as the band edges see them, so 69.9999999 (green) shows as 70.
 */
function formatScore(score: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1, roundingMode: 'trunc' }).format(scoreAsCompared(score));
}

function formatDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The labels of missing factors as a localised list: "A, B and C". */
function listFormat(locale: string, missing: readonly MissingFactor[], m: HealthCardMessages): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(missing.map((f) => missingLabel(f, m)));
}

/**
 * One customer's health score (or a segment's roll-up) with its band, its trend over 30 days and the
 * factors that explain it: each factor's scaled score, weight and contribution, and the factors that had
 * no data and were left out.
 *
 * @tag cs-health-card
 * @summary A customer health score card that explains its score.
 * @since 0.1.0
 *
 * @slot title - Replaces the customer's or segment's name as the card's title (and accessible name).
 * @slot actions - Buttons or links shown at the top right (e.g. "Open in CRM").
 * @slot footer - Extra content in the footer, beside the last-updated date.
 *
 * @csspart base - The card (an `article`).
 * @csspart header - The header holding the title and the actions.
 * @csspart title - The title (the customer's or segment's name, or the `title` slot).
 * @csspart score - The score.
 * @csspart band - The band label (red, yellow or green, in words).
 * @csspart trend - The change over 30 days.
 * @csspart gauge - The bar under the score, coloured by band.
 * @csspart factors - The list of factors.
 * @csspart factor - One factor.
 * @csspart factor-bar - A factor's bar (its 0–100 score).
 * @csspart missing - The line naming factors without data.
 * @csspart summary - The text summary of the card (visually hidden; it describes the card to screen
 * readers). Style `::part(summary)` with `position: static; clip-path: none; inline-size: auto;
 * block-size: auto; white-space: normal` to show it.
 * @csspart table-toggle - The "Show table" / "Hide table" button (a customer's card only).
 * @csspart table - The table of the factors, shown by the toggle.
 * @csspart footer - The footer with the last-updated date.
 * @csspart state - The empty or error message; while loading, the visually hidden "Loading…" status.
 * @csspart retry - The "Retry" button of the error state when `src` could not be loaded.
 * @csspart export - The export menu (`export` attribute): its toggle is `export-toggle`, its buttons `export-item`.
 *
 * @cssproperty --cs-health-card-background - Card background. Falls back to `--cs-surface`.
 * @cssproperty --cs-health-card-color - Text colour. Falls back to `--cs-text`.
 * @cssproperty --cs-health-card-muted-color - Secondary text. Falls back to `--cs-text-muted`.
 * @cssproperty --cs-health-card-red-color - Red band. Falls back to `--cs-bad`.
 * @cssproperty --cs-health-card-yellow-color - Yellow band. Falls back to `--cs-warning`.
 * @cssproperty --cs-health-card-green-color - Green band. Falls back to `--cs-good`.
 * @cssproperty --cs-health-card-good-color - A rising trend. Falls back to `--cs-good`.
 * @cssproperty --cs-health-card-bad-color - A falling trend and errors. Falls back to `--cs-bad`.
 * @cssproperty --cs-health-card-bar-color - Factor bars. Falls back to `--cs-accent`.
 * @cssproperty --cs-health-card-track-color - Unfilled part of the bars. Falls back to `--cs-track`.
 * @cssproperty --cs-health-card-radius - Corner radius. Falls back to `--cs-radius`.
 * @cssproperty --cs-health-card-border - Border shorthand.
 * @cssproperty --cs-health-card-min-height - Minimum height in every state. Unset, a customer's card is as tall as its content once loaded, and its loading skeleton as tall as the usual card (three factors); a segment's card reserves 11.5rem. Set it to keep a page from moving when the data arrives.
 * @cssproperty --cs-health-card-link-color - Links in the slots (e.g. "Open in CRM"). Falls back to `--cs-accent`.
 *
 * @event cs-data-error - The data could not be loaded or read, or lacks the requested customer or
 * @event cs-export - A format of the export menu was chosen; `detail` is `{ format, blob, filename }`.
 * Cancelable: `preventDefault()` stops the download (to send the file elsewhere).
 * segment; `detail.reason` says why.
 */
export class CsHealthCard extends ExportingElement {
  static readonly version = WIDGETS_VERSION;
  static override styles = [skeletonStyles, retryButtonStyles, healthCardStyles];

  /**
   * One customer or segment entry of the `cskit health` JSON (with optional `asOf` and `bands`), or
   * the whole JSON together with `customer-id` or `segment`.
   */
  @property({ attribute: false }) data: HealthCardInput | undefined = undefined;

  /** URL of a `cskit health` JSON. Ignored when `data` is set. */
  @property() src = '';

  /** The customer to show from a whole health JSON. Takes precedence over `segment`. */
  @property({ attribute: 'customer-id' }) customerId = '';

  /** The segment roll-up to show from a whole health JSON. */
  @property() segment = '';

  /** Accessible name of the card; defaults to the title (the customer's or segment's name). */
  @property() label = '';

  /** BCP 47 locale; defaults to the nearest `lang` attribute. */
  @property() locale = '';

  /** `light`, `dark`, or empty to follow the closest `data-cs-theme` ancestor, else `prefers-color-scheme`. */
  @property(THEME_PROPERTY) theme: Theme = '';

  /** Whether the table of the factors is shown (the "Show table" toggle). */
  @state() private tableOpen = false;

  /** The table of the customer shown, for export; undefined in the other states. */
  private shownTable: (() => TableSpec) | undefined;

  private readonly loader = new SrcLoader(this, () => (this.data === undefined ? this.src : ''));
  private readonly langController = new LangController(this);
  private readonly themeController = new AncestorThemeController(this);

  private readonly problems = new DataProblems(this, 'cs-health-card');
  private warnedUnnamed = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The name comes from the data once it arrives; without data or src nothing can name the card.
    const hasData = this.data !== undefined || this.src !== '';
    const hasTitle = this.querySelector(':scope > [slot="title"]') !== null;
    if (!hasData && !this.label && !hasTitle && !this.warnedUnnamed) {
      this.warnedUnnamed = true;
      console.warn(
        '[cskit] <cs-health-card> has no accessible name: set label, fill the title slot, or give data with a name.',
      );
    }
  }

  protected override render(): TemplateResult {
    const locale = resolveLocale(this, this.locale);
    this.shownTable = undefined;
    // Until its language's strings arrive the card keeps its skeleton: no English stands in meanwhile.
    if (!this.langController.translationsReady(locale)) return this.loading(loadingText(locale));
    const t = pickMessages(commonMessages, locale);
    if (this.data === undefined) {
      if (!this.src) return this.frame(html`<p class="state" part="state">${t.empty}</p>`);
      return this.loader.render({
        initial: () => this.loading(loadingText(locale)),
        pending: () => this.loading(loadingText(locale)),
        error: (error: unknown) =>
          this.failed(t.error, error instanceof Error ? error.message : String(error), t.retry),
        complete: (value: unknown) => this.content(value, locale),
      });
    }
    return this.content(this.data, locale);
  }

  private content(input: unknown, locale: string): TemplateResult {
    const view = toHealthView(input, { customerId: this.customerId, segment: this.segment });
    if ('problem' in view) {
      const m = pickMessages(healthCardMessages, locale);
      const t = pickMessages(commonMessages, locale);
      return this.failed(view.notFound ? m.notFound : t.invalidData, view.problem);
    }
    this.problems.clear();
    return this.card(view, locale);
  }

  /**
   * The same skeleton in every state — header, body, footer — so that nothing moves when the data
   * arrives; `ready` adds the summary that describes the card and the table toggle.
   */
  private frame(
    body: TemplateResult,
    title: string | typeof nothing = nothing,
    footer = html``,
    kind: 'customer' | 'segment' = this.kind(),
    ready?: { readonly summary: string; readonly toggle?: TemplateResult },
    state: 'loading' | 'failed' | '' = '',
  ): TemplateResult {
    return html`<article
      part="base"
      class="${kind} ${state}${ready ? ' ready' : ''}"
      aria-busy=${state === 'loading' ? 'true' : nothing}
      aria-label=${this.label || nothing}
      aria-labelledby=${this.label ? nothing : 'title'}
      aria-describedby=${ready ? 'summary' : nothing}
    >
      <header part="header">
        <div class="title" id="title" part="title">
          <slot name="title">${title === nothing ? nothing : html`<span class="name">${title}</span>`}</slot>
        </div>
        <slot name="actions"></slot>
        ${ready?.toggle ?? (state === 'loading' && kind === 'customer' ? bone('short', 'table-toggle') : nothing)}
      </header>
      ${ready ? html`<p class="visually-hidden" part="summary" id="summary">${ready.summary}</p>` : nothing} ${body}
      <footer part="footer">
        ${footer}${ready && kind === 'customer' ? this.exportMenu(resolveLocale(this, this.locale)) : nothing}<slot
          name="footer"
        ></slot>
      </footer>
    </article>`;
  }

  private kind(): 'customer' | 'segment' {
    return !this.customerId && this.segment ? 'segment' : 'customer';
  }

  /**
   * The title before the data names the card: the label, else the customer id or segment asked for,
   * so that a card that is loading or failed says which one it is.
   */
  private pendingTitle(): string | typeof nothing {
    return this.label || this.customerId || this.segment || nothing;
  }

  /**
   * The card's shape while loading: score and gauge, then for a customer three factor rows and the
   * line naming factors without data (the usual card of the default model), each built from the
   * classes of the real ones so that it is as tall.
   */
  private loading(message: string): TemplateResult {
    const factor = html`<li>
      <div class="factor-head">${bone('medium')}${bone('short')}</div>
      <div class="bar"></div>
      <div class="factor-meta">${bone('long')}</div>
    </li>`;
    const factors =
      this.kind() === 'customer'
        ? html`<div class="factors" aria-hidden="true">
              <p class="factors-title">${bone('medium')}</p>
              <ul>
                ${[factor, factor, factor]}
              </ul>
            </div>
            <p class="missing" aria-hidden="true">${bone('long')} ${bone('medium')}</p>`
        : nothing;
    return this.frame(
      html`<div class="meta" aria-hidden="true">${bone('medium')}</div>
        <div class="headline" aria-hidden="true">
          <span class="score">${bone('short')}</span><span class="band">${bone('short')}</span>${
            // A customer's trend; the sample's segments have none.
            this.kind() === 'customer' ? html`<span class="trend">${bone('long')}</span>` : nothing
          }
        </div>
        <div class="gauge" aria-hidden="true"></div>
        ${factors}${loadingStatus(message)}`,
      this.pendingTitle(),
      html`<span aria-hidden="true">${bone('medium')}</span>`,
      this.kind(),
      undefined,
      'loading',
    );
  }

  /**
   * The error state: the title, the message and, when `src` could not be loaded, a button that loads
   * it again (`retry` is its label). The card takes the height it needs, not the height reserved for
   * the factors it could not show.
   */
  private failed(message: string, reason: string, retry?: string): TemplateResult {
    this.problems.report(message, reason);
    return this.frame(
      html`<p class="state error" part="state" role="alert">${message}</p>
        ${retry ? html`<div>${retryButton(retry, () => this.retry())}</div>` : nothing}`,
      this.pendingTitle(),
      html``,
      this.kind(),
      undefined,
      'failed',
    );
  }

  /** Loads `src` again; a failure that repeats is reported again (event and console). */
  private retry(): void {
    this.problems.clear();
    this.loader.retry();
  }

  private card(view: HealthView, locale: string): TemplateResult {
    const m = pickMessages(healthCardMessages, locale);
    const count = (n: number) => m.customers(numberFormat(locale, {}).format(n), n);
    const title = view.kind === 'customer' ? (view.entry.name ?? view.entry.customerId) : view.entry.segment;
    const meta =
      view.kind === 'customer'
        ? [view.entry.name ? view.entry.customerId : '', view.entry.segment ?? ''].filter(Boolean).join(' · ')
        : `${m.segment} · ${count(view.entry.customers)}`;
    const footer = view.asOf
      ? html`<span>${m.updated} <time datetime=${view.asOf}>${formatDate(view.asOf, locale)}</time></span>`
      : html``;
    const subject = view.kind === 'segment' ? m.segmentSubject(title, count(view.entry.customers)) : title;
    const summary = this.summary(view, subject, m, locale);
    if (view.kind === 'segment') {
      return this.frame(
        html`<div class="meta">${meta}</div>
          ${this.headline(view, m, locale)}`,
        title,
        footer,
        'segment',
        {
          summary,
        },
      );
    }
    const { factors } = view.entry;
    const missing = view.entry.missing ?? [];
    const open = this.tableOpen;
    const c = pickMessages(chartMessages, locale);
    const body = html`
      ${meta ? html`<div class="meta">${meta}</div>` : nothing} ${this.headline(view, m, locale)}
      ${this.factors(factors, m, locale)} ${this.missing(missing, m, locale)}
      ${open ? dataTable(this.tableFor(factors, missing, m, locale), 'table', locale) : nothing}
    `;
    const toggle = tableToggle(open, c, () => (this.tableOpen = !open));
    this.shownTable = () => this.tableFor(factors, missing, m, locale);
    return this.frame(body, title, footer, 'customer', { summary, toggle });
  }

  /** The factors' table of the customer shown; the card draws no chart, so there is no image. */
  protected override exportTable(): TableSpec | null {
    return this.shownTable?.() ?? null;
  }

  protected override exportsImages(): boolean {
    return false;
  }

  /**
   * One to four short sentences saying what the card shows: whose score, its band, the change over
   * 30 days, and for a customer the weakest factor and the factors without data.
   */
  private summary(view: HealthView, subject: string, m: HealthCardMessages, locale: string): string {
    const { score, trend } = view.entry;
    const oneDigit = numberFormat(locale, { maximumFractionDigits: 1 });
    const zh = languageFor(locale) === 'zh-Hans';
    if (score === null || view.band === null) return `${subject}${zh ? '：' : ': '}${m.noScore}${zh ? '。' : '.'}`;
    const sentences = [m.summaryScore(subject, formatScore(score, locale), m[view.band])];
    if (trend !== null && trend !== undefined) {
      const points = oneDigit.format(Math.abs(trend));
      const rounded = Math.round(trend * 10);
      sentences.push(rounded > 0 ? m.summaryUp(points) : rounded < 0 ? m.summaryDown(points) : m.summaryFlat);
    }
    if (view.kind === 'customer') {
      const { factors } = view.entry;
      const missing = view.entry.missing ?? [];
      const weakest = factors.reduce<HealthFactor | undefined>(
        (low, f) => (low && low.score <= f.score ? low : f),
        undefined,
      );
      if (weakest && factors.length > 1) {
        sentences.push(m.summaryWeakest(factorLabel(weakest, m), oneDigit.format(weakest.score)));
      }
      if (missing.length > 0) sentences.push(m.summaryMissing(listFormat(locale, missing, m)));
    }
    return sentences.join(zh ? '' : ' ');
  }

  /** A customer's factors as a table with the numbers the bars show, then its missing factors. */
  private tableFor(
    factors: readonly HealthFactor[],
    missing: readonly MissingFactor[],
    m: HealthCardMessages,
    locale: string,
  ): TableSpec {
    // Raw values stay as the card writes them: each factor's is in its own unit, so they do not form
    // a column of one kind of number to align.
    return {
      caption: m.factors,
      columns: [m.colFactor, m.raw, m.factorScore, m.weight, m.contribution],
      rows: [
        ...factors.map((f) => [
          factorLabel(f, m),
          // An export keeps a number raw (0.63, not "63%"); text stays as it is.
          typeof f.raw === 'number'
            ? ({ value: f.raw, style: 'decimal', maxDigits: 0, text: rawValue(f, locale, m) || '–' } as const)
            : rawValue(f, locale, m) || '–',
          { value: f.score, style: 'decimal', maxDigits: 1 } as const,
          { value: f.weight, style: 'percent', maxDigits: 1 } as const,
          { value: f.contribution, style: 'decimal', maxDigits: 1 } as const,
        ]),
        ...missing.map((f) => [missingLabel(f, m), m.noData, NO_NUMBER, NO_NUMBER, NO_NUMBER]),
      ],
    };
  }

  private headline(view: HealthView, m: HealthCardMessages, locale: string): TemplateResult {
    const { score, trend } = view.entry;
    if (score === null || view.band === null) {
      return html`<p class="state" part="score">${m.noScore}</p>`;
    }
    const band = view.band;
    const width = `${Math.min(100, Math.max(0, score))}%`;
    return html`
      <div class="headline">
        <span class="score" part="score"
          ><span class="visually-hidden">${m.healthScore}: </span>${formatScore(score, locale)}<span class="out-of">
            ${m.outOf}</span
          ></span
        >
        <span class="band ${band}" part="band"><span class="dot" aria-hidden="true"></span>${m[band]}</span>
        ${this.trend(trend ?? null, m, locale)}
      </div>
      <div class="gauge ${band}" part="gauge" aria-hidden="true">
        <div class="fill" ${cssProperties({ 'inline-size': width })}></div>
      </div>
    `;
  }

  private trend(trend: number | null, m: HealthCardMessages, locale: string): TemplateResult | typeof nothing {
    if (trend === null) return nothing;
    const magnitude = numberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(trend);
    const rounded = Math.round(trend * 10) / 10;
    const tone = rounded > 0 ? 'good' : rounded < 0 ? 'bad' : '';
    const arrow = rounded > 0 ? '▲' : rounded < 0 ? '▼' : '→';
    return html`<span class="trend ${tone}" part="trend"
      ><span class="signed"
        ><span aria-hidden="true">${arrow}</span> ${rounded === 0 ? m.noChange : `${magnitude} ${m.points}`}</span
      >
      <span class="context">${m.trendContext}</span></span
    >`;
  }

  private factors(
    factors: readonly HealthFactor[],
    m: HealthCardMessages,
    locale: string,
  ): TemplateResult | typeof nothing {
    if (factors.length === 0) return nothing;
    const oneDigit = numberFormat(locale, { maximumFractionDigits: 1 });
    const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return html`<div class="factors">
      <p class="factors-title" id="factors-title">${m.factors}</p>
      <ul part="factors" aria-labelledby="factors-title">
        ${factors.map((factor) => {
          const raw = rawValue(factor, locale, m);
          const details = [
            raw ? `${m.raw} ${raw}` : '',
            `${m.weight} ${percent.format(factor.weight)}`,
            `${m.contribution} ${oneDigit.format(factor.contribution)} ${m.points}`,
          ].filter(Boolean);
          return html`<li part="factor">
            <div class="factor-head">
              <span class="factor-label">${factorLabel(factor, m)}</span>
              <span class="factor-score"
                ><span class="visually-hidden">${m.factorScore} </span>${oneDigit.format(factor.score)}<span
                  class="context"
                >
                  ${m.outOf}</span
                ></span
              >
            </div>
            <div class="bar" part="factor-bar" aria-hidden="true">
              <div
                class="fill"
                ${cssProperties({ 'inline-size': `${Math.min(100, Math.max(0, factor.score))}%` })}
              ></div>
            </div>
            <div class="factor-meta">
              ${details.map((detail, i) => html`${i > 0 ? ' · ' : ''}<span class="signed">${detail}</span>`)}
            </div>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private missing(
    missing: readonly MissingFactor[],
    m: HealthCardMessages,
    locale: string,
  ): TemplateResult | typeof nothing {
    if (missing.length === 0) return nothing;
    return html`<p class="missing" part="missing">
      ${m.missing} <strong>${listFormat(locale, missing, m)}</strong> (${m.missingNote})
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-health-card': CsHealthCard;
  }
  interface GlobalEventHandlersEventMap {
    'cs-data-error': CustomEvent<{ reason: string }>;
  }
}

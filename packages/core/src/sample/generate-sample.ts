import { civilDateOf, dayIndexOf, daysInMonth, formatDate, type DayIndex } from '../time/calendar-date.js';
import { firstDayOfMonth, formatMonth, monthIndexOf, parseMonth } from '../time/month.js';
import {
  ADD_ONS,
  ANNUAL_MONTHS_CHARGED,
  COUNTRIES,
  INDUSTRIES,
  MAIN_PRODUCT,
  NAME_ENDINGS,
  NAME_STEMS,
  NPS_COMMENTS,
  PLANS,
  PRIORITIES,
  SAMPLE_CURRENCIES,
  SAMPLE_REPORTING_CURRENCY,
  SERVICE_TIMES,
  SIZE_BANDS,
  SURNAMES,
  type AddOn,
  type Country,
  type SampleCurrency,
  type SizeBand,
} from './catalogue.js';
import { Random } from './random.js';

/** The columns of each sample file, in the order {@link sampleToCsv} writes them. */
export const SAMPLE_COLUMNS = {
  customers: ['customer_id', 'name', 'created_at', 'industry', 'size', 'region', 'country'],
  subscriptions: [
    'line_id',
    'customer_id',
    'subscription_id',
    'product',
    'plan',
    'start_date',
    'end_date',
    'amount',
    'interval',
    'interval_count',
    'quantity',
    'currency',
    'is_trial',
  ],
  fx: ['date', 'currency', 'rate'],
  nps: ['date', 'score', 'customer_id', 'respondent_id', 'comment'],
  tickets: [
    'ticket_id',
    'customer_id',
    'created_at',
    'first_response_at',
    'resolved_at',
    'priority',
    'satisfaction',
    'handle_minutes',
  ],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** The files of the sample company. */
export type SampleEntity = keyof typeof SAMPLE_COLUMNS;

/**
 * A record of one sample file, as a canonical CSV row (metrics.md section 1): every column of the file,
 * as text; an empty string is an empty cell.
 */
export type SampleRow<E extends SampleEntity> = Readonly<Record<(typeof SAMPLE_COLUMNS)[E][number], string>>;

/** Options of {@link generateSample}. */
export interface SampleOptions {
  /** Any integer; the same seed and options always give the same company. Default 1. */
  readonly seed?: number;
  /** Customers ever signed up (including trials that never paid). Default 2,000. */
  readonly customers?: number;
  /** Length of the company's history in months. Default 36. */
  readonly months?: number;
  /** The last month of history, `YYYY-MM`; nothing is dated after it. Default `2025-12`. */
  readonly endMonth?: string;
  /**
   * Whether to generate NPS responses and support tickets. Default `true`; benchmarks of revenue metrics
   * turn it off to save time and memory. Customers, subscriptions and FX rates do not depend on it.
   */
  readonly activity?: boolean;
}

/** A fictional SaaS company in the canonical model, as text records ready for the readers or for CSV. */
export interface SampleCompany {
  /** The currency the `fx` rates convert to, and the natural reporting currency. */
  readonly reportingCurrency: string;
  /** First and last month of the history, `YYYY-MM`. */
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly customers: SampleRow<'customers'>[];
  readonly subscriptions: SampleRow<'subscriptions'>[];
  /** Monthly rates of EUR and GBP to USD, dated on the first of each month. */
  readonly fx: SampleRow<'fx'>[];
  readonly nps: SampleRow<'nps'>[];
  readonly tickets: SampleRow<'tickets'>[];
}

/** The defaults of {@link SampleOptions}. */
export const SAMPLE_DEFAULTS = { seed: 1, customers: 2000, months: 36, endMonth: '2025-12', activity: true } as const;

const TRIAL_DAYS = 14;
const MINUTES_PER_DAY = 1440;

/**
 * Generates a deterministic, realistic fictional SaaS company: customers who sign up at a growing pace,
 * some after a 14-day trial; seat-based plans billed monthly or yearly in USD, EUR or GBP; add-on products;
 * seat and plan upgrades and downgrades; churn that depends on size, tenure and satisfaction; customers who
 * come back after a gap; NPS responses and support tickets that follow each customer's satisfaction.
 * About 2.3 subscription lines, 6 tickets and 1.2 NPS answers per customer; time and memory grow linearly
 * (about 430,000 customers make 1M lines, in about 3 s with `activity: false`). Pure: no I/O, no clock,
 * no `Math.random`.
 *
 * @throws RangeError when an option is out of range.
 */
export function generateSample(options: SampleOptions = {}): SampleCompany {
  const seed = options.seed ?? SAMPLE_DEFAULTS.seed;
  const customerCount = options.customers ?? SAMPLE_DEFAULTS.customers;
  const months = options.months ?? SAMPLE_DEFAULTS.months;
  const endMonthText = options.endMonth ?? SAMPLE_DEFAULTS.endMonth;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(customerCount) || customerCount < 1) {
    throw new RangeError(`customers must be a positive integer, got ${customerCount}`);
  }
  if (!Number.isInteger(months) || months < 1 || months > 1200) {
    throw new RangeError(`months must be an integer from 1 to 1200, got ${months}`);
  }
  const endMonth = parseMonth(endMonthText);
  if (endMonth === undefined) throw new RangeError(`endMonth must be YYYY-MM, got ${endMonthText}`);

  const firstMonth = endMonth - months + 1;
  const activity = options.activity ?? SAMPLE_DEFAULTS.activity;
  const generator = new CompanyGenerator(new Random(seed), firstMonth, endMonth, customerCount, activity);
  generator.run();
  return {
    reportingCurrency: SAMPLE_REPORTING_CURRENCY,
    firstMonth: formatMonth(firstMonth),
    lastMonth: formatMonth(endMonth),
    customers: generator.customers,
    subscriptions: generator.subscriptions,
    fx: generator.fx,
    nps: generator.nps,
    tickets: generator.tickets,
  };
}

/** A customer's state while its history is written. */
interface CustomerProfile {
  readonly id: string;
  readonly size: SizeBand;
  readonly currency: SampleCurrency;
  /** Latent satisfaction in [-1, 1]: drives churn, NPS scores, ticket volume and ratings together. */
  readonly satisfaction: number;
}

/** An open subscription line, written out when it ends or when the history does. */
interface OpenLine {
  readonly product: string;
  readonly plan: string;
  readonly start: number;
  readonly unitPrice: number;
  readonly interval: 'month' | 'year';
  readonly quantity: number;
  readonly trial: boolean;
}

class CompanyGenerator {
  readonly customers: SampleRow<'customers'>[] = [];
  readonly subscriptions: SampleRow<'subscriptions'>[] = [];
  readonly fx: SampleRow<'fx'>[] = [];
  readonly nps: SampleRow<'nps'>[] = [];
  readonly tickets: SampleRow<'tickets'>[] = [];

  readonly #random: Random;
  /** Tickets and NPS draw from their own stream, so that turning them off leaves the rest unchanged. */
  readonly #activityRandom: Random | undefined;
  readonly #firstMonth: number;
  readonly #endMonth: number;
  readonly #customerCount: number;
  /** First day of history, and the first day after it: nothing is dated on or after `#endDay`. */
  readonly #startDay: number;
  readonly #endDay: number;
  readonly #idWidth: number;
  /** Date strings by day offset, and amount strings by minor units: most values repeat. */
  readonly #dayText: string[] = [];
  readonly #amountText = new Map<number, string>();
  #lineCount = 0;
  #subscriptionCount = 0;
  #ticketCount = 0;

  constructor(random: Random, firstMonth: number, endMonth: number, customerCount: number, activity: boolean) {
    this.#random = random;
    const activitySeed = random.uint32();
    this.#activityRandom = activity ? new Random(activitySeed) : undefined;
    this.#firstMonth = firstMonth;
    this.#endMonth = endMonth;
    this.#customerCount = customerCount;
    this.#startDay = firstDayOfMonth(firstMonth);
    this.#endDay = firstDayOfMonth(endMonth + 1);
    this.#idWidth = Math.max(6, String(customerCount).length);
    for (let day = this.#startDay; day < this.#endDay; day++) this.#dayText.push(formatDate(day));
  }

  run(): void {
    this.#writeFxRates();
    const signUps = this.#signUpDays();
    for (let i = 0; i < signUps.length; i++) this.#writeCustomer(i + 1, signUps[i] as number);
  }

  /** Sign-up days, oldest first: sign-ups per month grow by 4 % a month, as a growing company's do. */
  #signUpDays(): number[] {
    const months = this.#endMonth - this.#firstMonth + 1;
    const weights = Array.from({ length: months }, (_, m) => 1.04 ** m);
    const total = weights.reduce((a, b) => a + b, 0);
    // Largest-remainder allocation, so the monthly counts add up to exactly the requested customers.
    const exact = weights.map((w) => (w / total) * this.#customerCount);
    const counts = exact.map(Math.floor);
    let missing = this.#customerCount - counts.reduce((a, b) => a + b, 0);
    const byRemainder = exact.map((x, m) => [x - Math.floor(x), m] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, m] of byRemainder) {
      if (missing-- <= 0) break;
      counts[m] = (counts[m] as number) + 1;
    }
    const days: number[] = [];
    for (let m = 0; m < months; m++) {
      const first = firstDayOfMonth(this.#firstMonth + m);
      const length = firstDayOfMonth(this.#firstMonth + m + 1) - first;
      const inMonth: number[] = [];
      for (let k = 0; k < (counts[m] as number); k++) inMonth.push(first + this.#random.int(0, length - 1));
      inMonth.sort((a, b) => a - b);
      days.push(...inMonth);
    }
    return days;
  }

  #writeFxRates(): void {
    const rates: Record<string, number> = { EUR: 1.08, GBP: 1.26 };
    for (let month = this.#firstMonth; month <= this.#endMonth; month++) {
      const date = this.#day(firstDayOfMonth(month));
      for (const currency of SAMPLE_CURRENCIES) {
        if (currency === SAMPLE_REPORTING_CURRENCY) continue;
        const rate = (rates[currency] as number) * Math.exp(0.015 * this.#random.normal());
        rates[currency] = rate;
        this.fx.push({ date, currency, rate: rate.toFixed(4) });
      }
    }
  }

  #writeCustomer(index: number, signUpDay: number): void {
    const random = this.#random;
    const size = random.weighted(SIZE_BANDS.map((band) => [band, band.share] as const));
    const country = random.weighted(COUNTRIES);
    const id = `cus_${String(index).padStart(this.#idWidth, '0')}`;
    const satisfaction = Math.max(-1, Math.min(1, 0.15 + 0.45 * random.normal()));
    this.customers.push({
      customer_id: id,
      name: this.#companyName(country),
      created_at: this.#day(signUpDay),
      industry: random.weighted(INDUSTRIES),
      size: size.name,
      region: country.region,
      country: country.code,
    });
    const profile: CustomerProfile = { id, size, currency: country.currency, satisfaction };

    let paidStart = signUpDay;
    if (random.chance(size.trial)) {
      const trialEnd = signUpDay + TRIAL_DAYS;
      const trial = this.#mainLine(profile, random.weighted(size.plans), this.#initialSeats(size), 'month', signUpDay);
      this.#writeLine(profile, `sub_${this.#nextSubscription()}`, { ...trial, trial: true }, trialEnd);
      if (!random.chance(0.5 + 0.25 * satisfaction)) return;
      // Some sign the contract a few days after the trial lapsed.
      paidStart = trialEnd + (random.chance(0.7) ? 0 : random.int(1, 10));
    }
    this.#writePaidHistory(profile, paidStart);
  }

  /**
   * Month by month from the first paid day: activity of the month, then at its end the renewal decisions
   * (cancel, change seats or plan, add or drop an add-on). A cancelled customer may come back later with a
   * new subscription, which reports count as a reactivation.
   */
  #writePaidHistory(profile: CustomerProfile, firstPaidDay: number): void {
    const random = this.#random;
    const size = profile.size;
    let start: number | undefined = firstPaidDay;
    while (start !== undefined && start < this.#endDay) {
      const subscription = `sub_${this.#nextSubscription()}`;
      let planIndex = random.weighted(size.plans);
      let seats = this.#initialSeats(size);
      const interval = random.chance(size.annual) ? 'year' : 'month';
      let main = this.#mainLine(profile, planIndex, seats, interval, start);
      const addOns = new Map<AddOn, OpenLine>();
      let cancelledOn: number | undefined;
      for (let step = 1; cancelledOn === undefined; step++) {
        const periodStart = addMonthsToDay(start, step - 1);
        const periodEnd = addMonthsToDay(start, step);
        this.#writeActivity(profile, periodStart, Math.min(periodEnd, this.#endDay));
        if (periodEnd >= this.#endDay) break;

        const renewal = interval === 'month' || step % 12 === 0;
        // Unhappy customers and new ones (still onboarding) leave more; yearly ones can only leave at renewal.
        const hazard = size.churn * (1 - 0.6 * profile.satisfaction) * (step <= 3 ? 1.6 : 1);
        if (renewal && random.chance(interval === 'year' ? 1 - (1 - 0.7 * hazard) ** 12 : hazard)) {
          cancelledOn = periodEnd;
          break;
        }

        let newSeats = seats;
        let newPlan = planIndex;
        const mood = 1 + 0.5 * profile.satisfaction;
        if (random.chance(0.06 * mood)) newSeats += Math.max(1, Math.round(seats * (0.1 + 0.3 * random.next())));
        if (planIndex < PLANS.length - 1 && random.chance(0.012 * mood)) newPlan++;
        if (renewal) {
          // Contracts shrink at renewal, not in the middle of a paid term.
          const shrink = interval === 'year' ? 0.25 : 0.02;
          if (random.chance(shrink * (1 - 0.5 * profile.satisfaction))) {
            newSeats = Math.max(1, newSeats - Math.max(1, Math.round(newSeats * (0.1 + 0.3 * random.next()))));
          }
          if (planIndex > 0 && random.chance((interval === 'year' ? 0.06 : 0.004) * (1 - profile.satisfaction))) {
            newPlan--;
          }
        }
        if (newSeats !== seats || newPlan !== planIndex) {
          this.#writeLine(profile, subscription, main, periodEnd);
          seats = newSeats;
          planIndex = newPlan;
          main = this.#mainLine(profile, planIndex, seats, interval, periodEnd);
        }
        this.#changeAddOns(profile, subscription, addOns, periodEnd);
      }
      // Lines of a customer still active when the history ends stay open (empty end_date).
      this.#writeLine(profile, subscription, main, cancelledOn);
      for (const line of addOns.values()) this.#writeLine(profile, subscription, line, cancelledOn);
      start =
        cancelledOn !== undefined && random.chance(0.25) ? addMonthsToDay(cancelledOn, random.int(2, 9)) : undefined;
    }
  }

  #changeAddOns(profile: CustomerProfile, subscription: string, addOns: Map<AddOn, OpenLine>, day: number): void {
    const random = this.#random;
    for (const addOn of ADD_ONS) {
      const open = addOns.get(addOn);
      if (open !== undefined) {
        if (random.chance(0.03)) {
          this.#writeLine(profile, subscription, open, day);
          addOns.delete(addOn);
        }
        continue;
      }
      if (profile.size.name === 'smb' && !addOn.forSmb) continue;
      if (!random.chance(addOn.uptake)) continue;
      addOns.set(addOn, {
        product: addOn.product,
        plan: addOn.plan,
        start: day,
        unitPrice: addOn.monthly[profile.currency],
        interval: 'month',
        quantity: 1,
        trial: false,
      });
    }
  }

  #mainLine(
    profile: CustomerProfile,
    planIndex: number,
    seats: number,
    interval: 'month' | 'year',
    start: number,
  ): OpenLine {
    const plan = PLANS[planIndex] as (typeof PLANS)[number];
    const perMonth = plan.perSeat[profile.currency];
    return {
      product: MAIN_PRODUCT,
      plan: plan.name,
      start,
      unitPrice: interval === 'year' ? perMonth * ANNUAL_MONTHS_CHARGED : perMonth,
      interval,
      quantity: seats,
      trial: false,
    };
  }

  /** Writes a line ending on `end` (exclusive); one ending after the history is still open. */
  #writeLine(profile: CustomerProfile, subscription: string, line: OpenLine, end: number | undefined): void {
    this.subscriptions.push({
      line_id: `li_${String(++this.#lineCount).padStart(this.#idWidth + 1, '0')}`,
      customer_id: profile.id,
      subscription_id: subscription,
      product: line.product,
      plan: line.plan,
      start_date: this.#day(line.start),
      end_date: end === undefined || end >= this.#endDay ? '' : this.#day(end),
      amount: this.#amount(line.unitPrice),
      interval: line.interval,
      interval_count: '1',
      quantity: String(line.quantity),
      currency: profile.currency,
      is_trial: line.trial ? 'true' : 'false',
    });
  }

  /** Support tickets and NPS answers of a customer over the active days [from, to). */
  #writeActivity(profile: CustomerProfile, from: number, to: number): void {
    const random = this.#activityRandom;
    if (random === undefined) return;
    const { size, satisfaction } = profile;
    const share = (to - from) / 30.44;
    const tickets = random.poisson(size.tickets * (1 - 0.4 * satisfaction) * share);
    for (let t = 0; t < tickets; t++) this.#writeTicket(random, profile, from, to);
    if (!random.chance(0.08 * share)) return;
    const respondents = random.int(1, size.respondents);
    for (let r = 0; r < respondents; r++) {
      const score = Math.round(Math.max(0, Math.min(10, 7.4 + 2 * satisfaction + 1.6 * random.normal())));
      const comments = score >= 9 ? NPS_COMMENTS.promoter : score >= 7 ? NPS_COMMENTS.passive : NPS_COMMENTS.detractor;
      this.nps.push({
        date: this.#day(random.int(from, to - 1)),
        score: String(score),
        customer_id: profile.id,
        // The same people tend to answer again, so a respondent id repeats across surveys.
        respondent_id: `${profile.id}-u${random.int(1, size.respondents * 2)}`,
        comment: random.chance(0.3) ? random.pick(comments) : '',
      });
    }
  }

  #writeTicket(random: Random, profile: CustomerProfile, from: number, to: number): void {
    const priority = random.weighted(PRIORITIES);
    const [responseMedian, resolutionMedian] = SERVICE_TIMES[priority] as readonly [number, number];
    // Most tickets arrive in (European and American) working hours.
    const hour = Math.max(0, Math.min(23, Math.round(14 + 3.5 * random.normal())));
    const created = random.int(from, to - 1) * MINUTES_PER_DAY + hour * 60 + random.int(0, 59);
    const firstResponse = created + Math.max(1, Math.round(random.logNormal(responseMedian, 0.9)));
    const resolutionHours = random.logNormal(resolutionMedian, 1);
    const resolved = random.chance(0.04)
      ? undefined
      : Math.max(firstResponse, created + Math.round(resolutionHours * 60));
    // Ratings arrive after resolution: none for a ticket still open when the history ends.
    const rated = resolved !== undefined && resolved < this.#endDay * MINUTES_PER_DAY && random.chance(0.35);
    const rating = 4 + profile.satisfaction - (resolutionHours > 72 ? 1 : 0) + 0.9 * random.normal();
    this.tickets.push({
      ticket_id: `tkt_${String(++this.#ticketCount).padStart(this.#idWidth + 1, '0')}`,
      customer_id: profile.id,
      created_at: this.#timestamp(created),
      first_response_at: this.#timestamp(firstResponse),
      resolved_at: resolved === undefined ? '' : this.#timestamp(resolved),
      priority,
      satisfaction: rated ? String(Math.round(Math.max(1, Math.min(5, rating)))) : '',
      handle_minutes: String(Math.max(1, Math.round(random.logNormal(25, 0.7)))),
    });
  }

  #initialSeats(size: SizeBand): number {
    return Math.max(1, Math.round(this.#random.logNormal(size.seats[0], size.seats[1])));
  }

  #companyName(country: Country): string {
    const random = this.#random;
    if (random.chance(0.04)) return `${random.pick(SURNAMES)}, ${random.pick(SURNAMES)} & Partners`;
    return `${random.pick(NAME_STEMS)} ${random.pick(NAME_ENDINGS)} ${country.suffix}`;
  }

  #nextSubscription(): string {
    return String(++this.#subscriptionCount).padStart(this.#idWidth, '0');
  }

  #day(day: number): string {
    return this.#dayText[day - this.#startDay] as string;
  }

  /** An ISO 8601 UTC timestamp of a minute number, or empty when it is after the history. */
  #timestamp(minute: number): string {
    const day = Math.floor(minute / MINUTES_PER_DAY);
    if (day >= this.#endDay) return '';
    const inDay = minute - day * MINUTES_PER_DAY;
    const hh = Math.floor(inDay / 60);
    const mm = inDay % 60;
    return `${this.#day(day)}T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}:00Z`;
  }

  #amount(minor: number): string {
    let text = this.#amountText.get(minor);
    if (text === undefined) {
      text = (minor / 100).toFixed(2);
      this.#amountText.set(minor, text);
    }
    return text;
  }
}

/**
 * The day `count` months after `day`, on the same day of the month or the last day of a shorter month
 * (Jan 31 + 1 month = Feb 28 or 29), as billing systems anchor renewals.
 */
function addMonthsToDay(day: DayIndex, count: number): DayIndex {
  const date = civilDateOf(day);
  const target = monthIndexOf(date.year, date.month) + count;
  const year = Math.floor(target / 12);
  const month = (target % 12) + 1;
  return dayIndexOf(year, month, Math.min(date.day, daysInMonth(year, month)));
}

/**
 * The `cskit health` JSON (shared/spec/report.md) as `<cs-health-card>` reads it, and the checks that
 * turn a wrong shape into the element's error state (`{ problem }`) instead of an exception.
 */

/** A band of the health score. */
export type HealthBand = 'red' | 'yellow' | 'green';

/**
 * A band as the data states it: `red`, `yellow` or `green`. Any string type-checks because a JSON
 * module types `"green"` as `string` (`card.data = healthJson` must compile); the element checks the
 * value when it draws, and another one is its error state. Editors still suggest the three names.
 */
export type HealthBandInput = HealthBand | (string & NonNullable<unknown>);

/** Lower bounds of each band, `red` < `yellow` ≤ … < `green` ≤ (metrics.md section 6). */
export interface HealthBands {
  readonly red: number;
  readonly yellow: number;
  readonly green: number;
}

/** The default thresholds: red < 40 ≤ yellow < 70 ≤ green. */
export const DEFAULT_BANDS: HealthBands = { red: 0, yellow: 40, green: 70 };

/** One factor behind a score: its raw value, the 0–100 score it scales to, its weight and contribution. */
export interface HealthFactor {
  readonly key: string;
  readonly label?: string | undefined;
  readonly raw?: number | string | null | undefined;
  readonly score: number;
  readonly weight: number;
  readonly contribution: number;
}

/** A factor without a value: its weight is left out of the score. Either its key or `{ key, label }`. */
export type MissingFactor = string | { readonly key: string; readonly label?: string | undefined };

/** A customer entry of the health JSON. */
export interface HealthCustomer {
  readonly customerId: string;
  /** `null` (as core writes it) or absent when the customer has no name. */
  readonly name?: string | null | undefined;
  readonly segment?: string | null | undefined;
  /** `null` when no factor has a value. */
  readonly score: number | null;
  readonly band?: HealthBandInput | null | undefined;
  /** Health now minus health 30 days earlier; `null` when there is no earlier score. */
  readonly trend?: number | null | undefined;
  readonly factors: readonly HealthFactor[];
  readonly missing?: readonly MissingFactor[] | undefined;
}

/** A segment roll-up of the health JSON. */
export interface HealthSegment {
  readonly segment: string;
  readonly customers: number;
  readonly score: number | null;
  readonly band?: HealthBandInput | null | undefined;
  readonly trend?: number | null | undefined;
}

/** The whole `cskit health` JSON. */
export interface HealthReport {
  /**
   * The format version: `1` today. Typed `number` because a JSON module types `1` as `number`; another
   * version is the element's error state.
   */
  readonly version: number;
  readonly asOf: string;
  readonly bands?: HealthBands | undefined;
  readonly customers: readonly HealthCustomer[];
  readonly segments?: readonly HealthSegment[] | undefined;
}

/** Context an entry can carry when it is given on its own through the `data` property. */
export interface HealthContext {
  readonly asOf?: string | undefined;
  readonly bands?: HealthBands | undefined;
}

/** What `<cs-health-card>` accepts: one entry (with optional `asOf`/`bands`) or the whole report. */
export type HealthCardInput = (HealthCustomer & HealthContext) | (HealthSegment & HealthContext) | HealthReport;

/** Which entry of a whole report to show. */
export interface HealthSelection {
  readonly customerId: string;
  readonly segment: string;
}

/** A checked entry, ready to render. */
export type HealthView =
  | {
      readonly kind: 'customer';
      readonly entry: HealthCustomer;
      readonly band: HealthBand | null;
      readonly bands: HealthBands;
      readonly asOf: string | null;
    }
  | {
      readonly kind: 'segment';
      readonly entry: HealthSegment;
      readonly band: HealthBand | null;
      readonly bands: HealthBands;
      readonly asOf: string | null;
    };

/** Why the input cannot be shown: `notFound` when the report lacks the requested entry. */
export interface HealthProblem {
  readonly problem: string;
  readonly notFound?: boolean;
}

const BANDS: readonly HealthBand[] = ['red', 'yellow', 'green'];

/** `score` rounded to 6 decimal places, as band edges see it (metrics.md §11). */
export function scoreAsCompared(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/**
 * The band of `score` under `bands`: red < yellow ≤ score < green ≤, comparing the score rounded to 6
 * decimal places as core does (metrics.md §11, "Band edges"), so a score of 69.9999999 that core calls
 * green is not rejected here as disagreeing with its band. (Widgets carry no runtime dependency on core,
 * hence this one line rather than an import of core's `healthBandOf`.)
 */
export function bandOf(score: number, bands: HealthBands): HealthBand {
  const compared = scoreAsCompared(score);
  if (compared >= bands.green) return 'green';
  if (compared >= bands.yellow) return 'yellow';
  return 'red';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isOptional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || value === null || check(value);
}

function bandsProblem(value: unknown): string | null {
  if (value === undefined) return null;
  if (!isObject(value)) return 'bands is not an object';
  const { red, yellow, green } = value;
  if (!isFiniteNumber(red) || !isFiniteNumber(yellow) || !isFiniteNumber(green)) {
    return 'bands needs numeric red, yellow and green thresholds';
  }
  if (!(red <= yellow && yellow <= green)) return 'bands thresholds must rise from red to yellow to green';
  return null;
}

function asOfProblem(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'asOf is not a YYYY-MM-DD date';
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return `asOf ${value} is not a calendar date`;
  return null;
}

function scoreProblem(entry: Record<string, unknown>, where: string): string | null {
  if (entry.score !== null && !isFiniteNumber(entry.score)) return `${where}.score is not a number or null`;
  if (!isOptional(entry.trend, isFiniteNumber)) return `${where}.trend is not a number or null`;
  if (!isOptional(entry.band, (b) => BANDS.includes(b as HealthBand))) {
    return `${where}.band is not red, yellow or green`;
  }
  return null;
}

function factorProblem(value: unknown, where: string): string | null {
  if (!isObject(value)) return `${where} is not an object`;
  if (typeof value.key !== 'string') return `${where}.key is not a string`;
  if (!isOptional(value.label, (v) => typeof v === 'string')) return `${where}.label is not a string`;
  if (!isOptional(value.raw, (v) => isFiniteNumber(v) || typeof v === 'string')) {
    return `${where}.raw is not a number, a string or null`;
  }
  for (const field of ['score', 'weight', 'contribution'] as const) {
    if (!isFiniteNumber(value[field])) return `${where}.${field} is not a number`;
  }
  if ((value.score as number) < 0 || (value.score as number) > 100) return `${where}.score is outside 0–100`;
  if ((value.weight as number) < 0) return `${where}.weight is negative`;
  return null;
}

function customerProblem(value: Record<string, unknown>, where: string): string | null {
  if (typeof value.customerId !== 'string') return `${where}.customerId is not a string`;
  if (!isOptional(value.name, (v) => typeof v === 'string')) return `${where}.name is not a string`;
  if (!isOptional(value.segment, (v) => typeof v === 'string')) return `${where}.segment is not a string`;
  const score = scoreProblem(value, where);
  if (score) return score;
  if (!Array.isArray(value.factors)) return `${where}.factors is not an array`;
  for (const [i, factor] of value.factors.entries()) {
    const problem = factorProblem(factor, `${where}.factors[${i}]`);
    if (problem) return problem;
  }
  if (value.missing !== undefined && value.missing !== null) {
    if (!Array.isArray(value.missing)) return `${where}.missing is not an array`;
    const bad = value.missing.findIndex(
      (m: unknown) => typeof m !== 'string' && !(isObject(m) && typeof m.key === 'string'),
    );
    if (bad !== -1) return `${where}.missing[${bad}] is not a factor key`;
  }
  return null;
}

function segmentProblem(value: Record<string, unknown>, where: string): string | null {
  if (typeof value.segment !== 'string') return `${where}.segment is not a string`;
  if (!Number.isInteger(value.customers) || (value.customers as number) < 0) {
    return `${where}.customers is not a count`;
  }
  return scoreProblem(value, where);
}

/** Checks that the band the data states agrees with its score and thresholds; returns the band. */
function checkedBand(
  entry: { readonly score: number | null; readonly band?: HealthBandInput | null | undefined },
  bands: HealthBands,
  where: string,
): HealthBand | null | HealthProblem {
  if (entry.score === null) return null;
  const band = bandOf(entry.score, bands);
  if (entry.band && entry.band !== band) {
    return {
      problem:
        `${where}.band is "${entry.band}" but score ${entry.score} is ${band} ` +
        `(bands: yellow from ${bands.yellow}, green from ${bands.green})`,
    };
  }
  return band;
}

function view(
  kind: 'customer' | 'segment',
  entry: HealthCustomer | HealthSegment,
  context: HealthContext,
  where: string,
): HealthView | HealthProblem {
  const bands = context.bands ?? DEFAULT_BANDS;
  const band = checkedBand(entry, bands, where);
  if (band !== null && typeof band === 'object') return band;
  const asOf = context.asOf ?? null;
  return kind === 'customer'
    ? { kind, entry: entry as HealthCustomer, band, bands, asOf }
    : { kind, entry: entry as HealthSegment, band, bands, asOf };
}

/**
 * Turns `<cs-health-card>`'s input into the entry to show, or explains why it cannot. A whole report
 * needs `selection.customerId` (which wins) or `selection.segment`.
 */
export function toHealthView(input: unknown, selection: HealthSelection): HealthView | HealthProblem {
  if (!isObject(input)) return { problem: 'data is not an object' };
  const context = input as HealthContext;
  const contextProblem = bandsProblem(input.bands) ?? asOfProblem(input.asOf);
  if (contextProblem) return { problem: contextProblem };

  if (Array.isArray(input.customers)) {
    if (input.version !== 1) return { problem: `unsupported health report version ${JSON.stringify(input.version)}` };
    if (typeof input.asOf !== 'string') return { problem: 'asOf is missing' };
    if (selection.customerId) {
      const index = input.customers.findIndex((c: unknown) => isObject(c) && c.customerId === selection.customerId);
      if (index === -1) {
        return { problem: `customer "${selection.customerId}" is not in the health report`, notFound: true };
      }
      const where = `customers[${index}]`;
      const entry = input.customers[index] as Record<string, unknown>;
      const problem = customerProblem(entry, where);
      if (problem) return { problem };
      return view('customer', entry as unknown as HealthCustomer, context, where);
    }
    if (selection.segment) {
      const segments: unknown = input.segments;
      if (segments !== undefined && !Array.isArray(segments)) return { problem: 'segments is not an array' };
      const list = (segments ?? []) as unknown[];
      const index = list.findIndex((s) => isObject(s) && s.segment === selection.segment);
      if (index === -1)
        return { problem: `segment "${selection.segment}" is not in the health report`, notFound: true };
      const where = `segments[${index}]`;
      const entry = list[index] as Record<string, unknown>;
      const problem = segmentProblem(entry, where);
      if (problem) return { problem };
      return view('segment', entry as unknown as HealthSegment, context, where);
    }
    return { problem: 'a whole health report needs a customer-id or segment attribute to pick an entry' };
  }

  if ('customerId' in input) {
    const problem = customerProblem(input, 'data');
    if (problem) return { problem };
    return view('customer', input as unknown as HealthCustomer, context, 'data');
  }
  if ('segment' in input && 'customers' in input) {
    const problem = segmentProblem(input, 'data');
    if (problem) return { problem };
    return view('segment', input as unknown as HealthSegment, context, 'data');
  }
  return { problem: 'data is neither a health report, a customer entry nor a segment entry' };
}

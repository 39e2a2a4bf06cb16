import { isPeriod } from '../internal/chart/period.js';
import { reportProblem, type ReportFields, type ReportLike } from '../internal/report-data.js';

/** Responses of one period by category (metrics.md §3: promoters 9–10, passives 7–8, detractors 0–6). */
export interface NpsCounts {
  /** `YYYY-MM` (or `YYYY-MM-DD`). */
  readonly period: string;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/** A ready-made series of counts; periods must be consecutive for `window-months` to mean months. */
export interface NpsSeries {
  readonly points: readonly NpsCounts[];
}

/** What `<cs-nps-trend>` accepts: a report (its `months[].nps`) or a series of counts. */
export type NpsInput = NpsSeries | ReportLike;

/** The input checked and laid out in columns. A period without responses has zero counts. */
export interface NpsData {
  readonly periods: readonly string[];
  readonly promoters: readonly number[];
  readonly passives: readonly number[];
  readonly detractors: readonly number[];
}

type Problem = { problem: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Reads one period's counts, or says which field is wrong. */
function counts(value: Record<string, unknown>, where: string): [number, number, number] | Problem {
  const fields = ['promoters', 'passives', 'detractors'] as const;
  const bad = fields.find((f) => !isCount(value[f]));
  if (bad) return { problem: `${where}.${bad} is ${JSON.stringify(value[bad])}, not a count` };
  return fields.map((f) => value[f] as number) as [number, number, number];
}

/**
 * Checks the input and lays it out in columns, or explains why it cannot (`{ problem }`). A report's
 * `nps.responses` and `nps.score` must agree with its counts: a mismatch means the data is not what it
 * claims to be, and drawing either number would hide that.
 */
export function toNpsData(input: unknown): NpsData | Problem {
  if (!isObject(input)) return { problem: 'data is not an object' };
  const data = {
    periods: [] as string[],
    promoters: [] as number[],
    passives: [] as number[],
    detractors: [] as number[],
  };
  const push = (period: string, [p, pa, d]: readonly [number, number, number]): void => {
    data.periods.push(period);
    data.promoters.push(p);
    data.passives.push(pa);
    data.detractors.push(d);
  };
  if ('points' in input) {
    if (!Array.isArray(input.points)) return { problem: 'points is not an array' };
    for (const [i, point] of (input.points as unknown[]).entries()) {
      if (!isObject(point) || !isPeriod(point.period)) {
        return { problem: `points[${i}].period is not a YYYY-MM or YYYY-MM-DD string` };
      }
      const read = counts(point, `points[${i}]`);
      if ('problem' in read) return read;
      push(point.period, read);
    }
    return data;
  }
  const problem = reportProblem(input);
  if (problem) return { problem };
  for (const month of (input as unknown as ReportFields).months) {
    const where = `report month ${month.month}.nps`;
    if (!isPeriod(month.month)) return { problem: `report month "${month.month}" is not YYYY-MM` };
    const nps = month.nps;
    if (nps === null || nps === undefined) {
      push(month.month, [0, 0, 0]);
      continue;
    }
    if (!isObject(nps)) return { problem: `${where} is not an object or null` };
    const read = counts(nps, where);
    if ('problem' in read) return read;
    const [p, pa, d] = read;
    const responses = p + pa + d;
    if (nps.responses !== undefined && nps.responses !== responses) {
      return {
        problem: `${where}.responses is ${JSON.stringify(nps.responses)} but its counts add up to ${responses}`,
      };
    }
    const score = responses ? (100 * (p - d)) / responses : null;
    if (
      nps.score !== undefined &&
      !(
        nps.score === score ||
        (typeof nps.score === 'number' && score !== null && Math.abs(nps.score - score) <= 0.051)
      )
    ) {
      return { problem: `${where}.score is ${JSON.stringify(nps.score)} but its counts give ${score}` };
    }
    push(month.month, read);
  }
  return data;
}

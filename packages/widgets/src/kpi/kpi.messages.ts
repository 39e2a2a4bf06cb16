import type { Catalog } from '../internal/messages.js';

export interface KpiMessages {
  readonly previousPeriod: string;
  readonly noChange: string;
  /** Unit suffix of a change in percentage points. */
  readonly points: string;
  /** Read after a change that is good news for this metric (the colour says it to sighted users). */
  readonly favourable: string;
  /** Read after a change that is bad news for this metric. */
  readonly unfavourable: string;
  /** What the sparkline shows, for screen readers: number of periods, first and last period, range. */
  readonly seriesSummary: (count: number, first: string, last: string, low: string, high: string) => string;
  /**
   * Table column headers: the value (when the tile has no label) and the change. The sparkline's role
   * description, keyboard hint, table toggle and period header are the charts' (`chartMessages`), which a
   * page with charts loads anyway.
   */
  readonly value: string;
  readonly change: string;
}

export const kpiMessages: Catalog<'kpi'> = {
  key: 'kpi',
  en: {
    value: 'Value',
    change: 'Change',
    previousPeriod: 'vs previous period',
    noChange: 'no change',
    points: 'pp',
    favourable: 'favourable',
    unfavourable: 'unfavourable',
    seriesSummary: (count, first, last, low, high) =>
      `Over ${count} periods, ${first} to ${last}: lowest ${low}, highest ${high}.`,
  },
};

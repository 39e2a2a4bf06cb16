import type { ChartMessages } from './chart.messages.js';
import { spanLabel } from './period.js';

/**
 * One sentence on how a series moved between its first and last defined values ("Logo churn rose
 * from 2.1% to 3.4% over 12 months"). Values are compared as formatted, so a change too small to see
 * in the labels reads as "stayed at". Returns '' for a series without values.
 */
export function trendSentence(
  t: ChartMessages,
  name: string,
  periods: readonly string[],
  values: readonly (number | null)[],
  format: (value: number) => string,
  locale: string,
): string {
  let first: number | null = null;
  let last: number | null = null;
  let from = 0;
  let to = 0;
  values.forEach((v, i) => {
    if (v === null) return;
    if (first === null) {
      first = v;
      from = i;
    }
    last = v;
    to = i;
  });
  if (first === null || last === null) return '';
  const span = spanLabel(periods.slice(from, to + 1), locale);
  const a = format(first);
  const b = format(last);
  if (a === b) return t.unchanged(name, b, span);
  return last > first ? t.rose(name, a, b, span) : t.fell(name, a, b, span);
}

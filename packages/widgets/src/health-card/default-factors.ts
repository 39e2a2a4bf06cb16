import { formatValue } from '../internal/format.js';
import type { HealthFactor, MissingFactor } from './health-card-data.js';
import { healthCardMessages, type HealthCardMessages } from './health-card.messages.js';
import { numberFormat } from './number-format.js';

/**
 * The factor keys of the default health model (core's `DEFAULT_HEALTH_MODEL_JSON`, metrics.md §6).
 * A factor with one of these keys is taken to measure what the default model's does: its raw value is
 * shown with that unit. Its label is translated only while it is the default model's English label (or
 * absent): a custom model's own label passes through as written.
 */
export const DEFAULT_FACTOR_KEYS = [
  'nps',
  'seatUtilisation',
  'daysSinceLastUsage',
  'mrrChange',
  'ticketVolume',
  'slaBreachRate',
] as const;

/** A factor key of the default health model. */
export type DefaultFactorKey = (typeof DEFAULT_FACTOR_KEYS)[number];

function isDefaultKey(key: string): key is DefaultFactorKey {
  return (DEFAULT_FACTOR_KEYS as readonly string[]).includes(key);
}

/** A factor's label in the card's language: the default model's, translated, or the data's own. */
export function factorLabel(
  factor: { readonly key: string; readonly label?: string | undefined },
  m: HealthCardMessages,
): string {
  const { key, label } = factor;
  if (!isDefaultKey(key)) return label ?? key;
  return label === undefined || label === healthCardMessages.en.factorLabels[key] ? m.factorLabels[key] : label;
}

/**
 * The readable label of a missing factor: the health JSON names missing factors by key, which for the
 * default model's keys becomes its label in the card's language.
 */
export function missingLabel(missing: MissingFactor, m: HealthCardMessages): string {
  return factorLabel(typeof missing === 'string' ? { key: missing } : missing, m);
}

/**
 * A factor's raw value with its unit ('' when it has none): for the default model's keys, an NPS answer
 * out of 10, seat utilisation and the SLA breach rate as percentages, the MRR change as a signed
 * percentage, days and tickets as counts; any other number as it is (two decimals at most), as the
 * health JSON carries no unit; a string as written.
 */
export function rawValue(factor: HealthFactor, locale: string, m: HealthCardMessages): string {
  const raw = factor.raw;
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  const key = factor.key;
  if (!isDefaultKey(key)) return numberFormat(locale, { maximumFractionDigits: 2 }).format(raw);
  switch (key) {
    case 'nps':
      return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(raw)} / 10`;
    case 'seatUtilisation':
    case 'slaBreachRate':
      return formatValue(raw, { locale, format: 'percent' });
    case 'mrrChange':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
        raw,
      );
    case 'daysSinceLastUsage':
      return numberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(raw);
    case 'ticketVolume':
      return m.tickets(numberFormat(locale, {}).format(raw), raw);
  }
}

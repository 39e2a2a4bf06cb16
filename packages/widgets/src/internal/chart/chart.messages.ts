import type { Catalog } from '../messages.js';

/** Strings every chart shares. The sentence builders receive already formatted values. */
export interface ChartMessages {
  /** Role description of the focusable plot, read by screen readers instead of "group". */
  readonly chart: string;
  /** Name when the author gave no `label`. */
  readonly unnamed: string;
  readonly keyboardHint: string;
  readonly showTable: string;
  readonly hideTable: string;
  /** Name of the legend's group of toggle buttons. */
  readonly series: string;
  /** Header of the first table column. */
  readonly period: string;
  readonly rose: (name: string, from: string, to: string, span: string) => string;
  readonly fell: (name: string, from: string, to: string, span: string) => string;
  readonly unchanged: (name: string, value: string, span: string) => string;
}

export const chartMessages: Catalog<'chart'> = {
  key: 'chart',
  en: {
    chart: 'chart',
    unnamed: 'Chart',
    keyboardHint: 'Arrow keys move between points, Home and End go to the first and last, Enter selects.',
    showTable: 'Show table',
    hideTable: 'Hide table',
    series: 'Series',
    period: 'Period',
    rose: (name, from, to, span) => `${name} rose from ${from} to ${to} over ${span}.`,
    fell: (name, from, to, span) => `${name} fell from ${from} to ${to} over ${span}.`,
    unchanged: (name, value, span) => `${name} stayed at ${value} over ${span}.`,
  },
};

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

export const kpiMessages: Catalog<KpiMessages> = {
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
  es: {
    value: 'Valor',
    change: 'Cambio',
    previousPeriod: 'vs. periodo anterior',
    noChange: 'sin cambios',
    points: 'p. p.',
    favourable: 'favorable',
    unfavourable: 'desfavorable',
    seriesSummary: (count, first, last, low, high) =>
      `En ${count} periodos, de ${first} a ${last}: mínimo ${low}, máximo ${high}.`,
  },
  pl: {
    value: 'Wartość',
    change: 'Zmiana',
    previousPeriod: 'vs poprzedni okres',
    noChange: 'bez zmian',
    points: 'p.p.',
    favourable: 'korzystnie',
    unfavourable: 'niekorzystnie',
    seriesSummary: (count, first, last, low, high) =>
      `Okresy: ${count}, od ${first} do ${last}: najniżej ${low}, najwyżej ${high}.`,
  },
  bg: {
    value: 'Стойност',
    change: 'Промяна',
    previousPeriod: 'спрямо предходния период',
    noChange: 'без промяна',
    points: 'п.п.',
    favourable: 'благоприятно',
    unfavourable: 'неблагоприятно',
    seriesSummary: (count, first, last, low, high) =>
      `За ${count} периода, от ${first} до ${last}: най-ниско ${low}, най-високо ${high}.`,
  },
  'zh-Hans': {
    value: '数值',
    change: '变化',
    previousPeriod: '与上期相比',
    noChange: '无变化',
    points: '个百分点',
    favourable: '有利',
    unfavourable: '不利',
    seriesSummary: (count, first, last, low, high) => `${first}至${last}共 ${count} 期：最低 ${low}，最高 ${high}。`,
  },
};

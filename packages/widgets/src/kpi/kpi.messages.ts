import type { Catalog } from '../internal/messages.js';

export interface KpiMessages {
  readonly previousPeriod: string;
  readonly noChange: string;
  /** Unit suffix of a change in percentage points. */
  readonly points: string;
}

export const kpiMessages: Catalog<KpiMessages> = {
  en: { previousPeriod: 'vs previous period', noChange: 'no change', points: 'pp' },
  es: { previousPeriod: 'vs. periodo anterior', noChange: 'sin cambios', points: 'p. p.' },
  pl: { previousPeriod: 'vs poprzedni okres', noChange: 'bez zmian', points: 'p.p.' },
  bg: { previousPeriod: 'спрямо предходния период', noChange: 'без промяна', points: 'п.п.' },
  'zh-Hans': { previousPeriod: '与上期相比', noChange: '无变化', points: '个百分点' },
};

import { fullStop, type Catalog } from '../internal/messages.js';
import type { CohortMetric } from './cohort-heatmap-data.js';

/** Already formatted pieces of a summary sentence. */
export interface SummaryParts {
  readonly age: number;
  readonly metric: CohortMetric;
  readonly min: string;
  readonly minCohort: string;
  readonly max: string;
  readonly maxCohort: string;
  readonly cohorts: number;
}

/** Already formatted pieces of the focused cell's detail line. */
export interface DetailParts {
  readonly cohort: string;
  readonly age: number;
  readonly metric: CohortMetric;
  readonly value: string;
  /** "9 of 10 customers" or "$1,050.00 of $1,000.00 MRR"; empty when unknown. */
  readonly explanation: string;
}

export interface CohortHeatmapMessages {
  readonly cohort: string;
  readonly customers: string;
  readonly startMrr: string;
  /** Full column header, read by screen readers. */
  readonly age: (age: number) => string;
  /**
   * Short column header, shown in a narrow column: "M0" in English, Spanish (mes) and Polish
   * (miesiąc), Cyrillic "М0" in Bulgarian (месец), "第0月" in Chinese.
   */
  readonly ageShort: (age: number) => string;
  readonly overview: (cohorts: number, first: string, last: string) => string;
  readonly summary: (parts: SummaryParts) => string;
  readonly detail: (parts: DetailParts) => string;
  readonly customersOf: (active: string, total: string) => string;
  readonly mrrOf: (now: string, start: string) => string;
  readonly notReached: (cohort: string, age: number) => string;
  readonly noValue: string;
  readonly hint: string;
}

export const cohortHeatmapMessages: Catalog<CohortHeatmapMessages> = {
  en: {
    cohort: 'Cohort',
    customers: 'Customers',
    startMrr: 'Starting MRR',
    age: (age) => `Month ${age}`,
    ageShort: (age) => `M${age}`,
    overview: (n, first, last) => fullStop(n === 1 ? `1 cohort, ${first}` : `${n} cohorts, ${first} to ${last}`),
    summary: (p) =>
      `Month-${p.age} ${p.metric} retention ranges from ${p.min} (${p.minCohort}) to ${p.max} (${p.maxCohort}) ` +
      `across ${p.cohorts} ${p.cohorts === 1 ? 'cohort' : 'cohorts'}.`,
    detail: (p) =>
      `${p.cohort} cohort, month ${p.age}: ${p.value} ${p.metric} retention${p.explanation ? ` (${p.explanation})` : ''}.`,
    customersOf: (active, total) => `${active} of ${total} customers`,
    mrrOf: (now, start) => `${now} of ${start} MRR`,
    notReached: (cohort, age) => `The ${cohort} cohort has not reached month ${age} yet.`,
    noValue: 'no value',
    hint: 'Use the arrow keys to move between cells and Enter to select one.',
  },
  es: {
    cohort: 'Cohorte',
    customers: 'Clientes',
    startMrr: 'MRR inicial',
    age: (age) => `Mes ${age}`,
    ageShort: (age) => `M${age}`,
    overview: (n, first, last) => fullStop(n === 1 ? `1 cohorte, ${first}` : `${n} cohortes, de ${first} a ${last}`),
    summary: (p) =>
      `La retención ${p.metric === 'logo' ? 'de clientes' : 'de ingresos'} en el mes ${p.age} va de ${p.min} ` +
      `(${p.minCohort}) a ${p.max} (${p.maxCohort}) en ${p.cohorts} ${p.cohorts === 1 ? 'cohorte' : 'cohortes'}.`,
    detail: (p) =>
      `Cohorte ${p.cohort}, mes ${p.age}: retención ${p.metric === 'logo' ? 'de clientes' : 'de ingresos'} ` +
      `del ${p.value}${p.explanation ? ` (${p.explanation})` : ''}.`,
    customersOf: (active, total) => `${active} de ${total} clientes`,
    mrrOf: (now, start) => `${now} de ${start} de MRR`,
    notReached: (cohort, age) => `La cohorte ${cohort} aún no ha llegado al mes ${age}.`,
    noValue: 'sin valor',
    hint: 'Use las flechas para moverse entre celdas y Intro para seleccionar una.',
  },
  pl: {
    cohort: 'Kohorta',
    customers: 'Klienci',
    startMrr: 'MRR na start',
    age: (age) => `Miesiąc ${age}`,
    ageShort: (age) => `M${age}`,
    overview: (n, first, last) => fullStop(n === 1 ? `1 kohorta, ${first}` : `Kohorty: ${n}, od ${first} do ${last}`),
    summary: (p) =>
      `Retencja ${p.metric === 'logo' ? 'klientów' : 'przychodu'} w miesiącu ${p.age} wynosi od ${p.min} ` +
      `(${p.minCohort}) do ${p.max} (${p.maxCohort}); liczba kohort: ${p.cohorts}.`,
    detail: (p) =>
      `Kohorta ${p.cohort}, miesiąc ${p.age}: retencja ${p.metric === 'logo' ? 'klientów' : 'przychodu'} ` +
      `${p.value}${p.explanation ? ` (${p.explanation})` : ''}.`,
    customersOf: (active, total) => `${active} z ${total} klientów`,
    mrrOf: (now, start) => `${now} z ${start} MRR`,
    notReached: (cohort, age) => `Kohorta ${cohort} nie osiągnęła jeszcze miesiąca ${age}.`,
    noValue: 'brak wartości',
    hint: 'Strzałki przenoszą między komórkami, Enter wybiera komórkę.',
  },
  bg: {
    cohort: 'Кохорта',
    customers: 'Клиенти',
    startMrr: 'Начален MRR',
    age: (age) => `Месец ${age}`,
    ageShort: (age) => `М${age}`,
    overview: (n, first, last) => fullStop(n === 1 ? `1 кохорта, ${first}` : `${n} кохорти, от ${first} до ${last}`),
    summary: (p) =>
      `Задържането на ${p.metric === 'logo' ? 'клиенти' : 'приходи'} в месец ${p.age} е от ${p.min} ` +
      `(${p.minCohort}) до ${p.max} (${p.maxCohort}) в ${p.cohorts} ${p.cohorts === 1 ? 'кохорта' : 'кохорти'}.`,
    detail: (p) =>
      `Кохорта ${p.cohort}, месец ${p.age}: задържане на ${p.metric === 'logo' ? 'клиенти' : 'приходи'} ` +
      `${p.value}${p.explanation ? ` (${p.explanation})` : ''}.`,
    customersOf: (active, total) => `${active} от ${total} клиенти`,
    mrrOf: (now, start) => `${now} от ${start} MRR`,
    notReached: (cohort, age) => `Кохорта ${cohort} още не е достигнала месец ${age}.`,
    noValue: 'няма стойност',
    hint: 'Стрелките местят между клетките, Enter избира клетка.',
  },
  'zh-Hans': {
    cohort: '同期群',
    customers: '客户数',
    startMrr: '初始 MRR',
    age: (age) => `第 ${age} 个月`,
    ageShort: (age) => `第${age}月`,
    overview: (n, first, last) => (n === 1 ? `1 个同期群，${first}。` : `${n} 个同期群，${first} 至 ${last}。`),
    summary: (p) =>
      `第 ${p.age} 个月的${p.metric === 'logo' ? '客户' : '收入'}留存率在 ${p.cohorts} 个同期群中介于 ` +
      `${p.min}（${p.minCohort}）和 ${p.max}（${p.maxCohort}）之间。`,
    detail: (p) =>
      `${p.cohort} 同期群，第 ${p.age} 个月：${p.metric === 'logo' ? '客户' : '收入'}留存率 ${p.value}` +
      `${p.explanation ? `（${p.explanation}）` : ''}。`,
    customersOf: (active, total) => `${total} 位客户中的 ${active} 位`,
    mrrOf: (now, start) => `MRR ${now}，初始 ${start}`,
    notReached: (cohort, age) => `${cohort} 同期群尚未到第 ${age} 个月。`,
    noValue: '无数值',
    hint: '使用方向键在单元格之间移动，按 Enter 选择。',
  },
};

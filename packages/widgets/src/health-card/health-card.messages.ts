import type { Catalog } from '../internal/messages.js';
import type { DefaultFactorKey } from './default-factors.js';

export interface HealthCardMessages {
  /** The score's scale, after the number: "72.5 / 100". */
  readonly outOf: string;
  readonly healthScore: string;
  readonly red: string;
  readonly yellow: string;
  readonly green: string;
  readonly noScore: string;
  /** After the trend's change: "+4.1 vs 30 days ago". */
  readonly trendContext: string;
  readonly noChange: string;
  /** Unit of a score change. */
  readonly points: string;
  readonly factors: string;
  readonly factorScore: string;
  readonly weight: string;
  readonly contribution: string;
  readonly raw: string;
  /** Before the list of factors without data. */
  readonly missing: string;
  readonly missingNote: string;
  readonly updated: string;
  readonly segment: string;
  readonly customers: (count: string, n: number) => string;
  readonly notFound: string;
  /** The summary's subject for a segment: "Segment core (148 customers)". */
  readonly segmentSubject: (name: string, customers: string) => string;
  /** The summary's first sentence: subject, score (already formatted) and band in words. */
  readonly summaryScore: (subject: string, score: string, band: string) => string;
  /** The change over 30 days in the summary; `points` is the formatted magnitude. */
  readonly summaryUp: (points: string) => string;
  readonly summaryDown: (points: string) => string;
  readonly summaryFlat: string;
  readonly summaryWeakest: (factor: string, score: string) => string;
  /** `factors` is already a localised list ("A, B and C"). */
  readonly summaryMissing: (factors: string) => string;
  /** Header of the table's first column (the other headers are `raw`, `factorScore`, `weight`, `contribution`). */
  readonly colFactor: string;
  /** A missing factor's value cell. */
  readonly noData: string;
  /** The default health model's factor labels by key; English is core's `DEFAULT_HEALTH_MODEL_JSON`. */
  readonly factorLabels: Readonly<Record<DefaultFactorKey, string>>;
  /** The raw value of the default model's ticket factor: "6 tickets". */
  readonly tickets: (count: string, n: number) => string;
}

const plural = (locale: string) => {
  const rules = new Intl.PluralRules(locale);
  return (n: number) => rules.select(n);
};
const plPlural = plural('pl');
const bgPlural = plural('bg');

export const healthCardMessages: Catalog<HealthCardMessages> = {
  en: {
    outOf: '/ 100',
    healthScore: 'Health score',
    red: 'At risk',
    yellow: 'Needs attention',
    green: 'Healthy',
    noScore: 'Not enough data to score',
    trendContext: 'vs 30 days ago',
    noChange: 'no change',
    points: 'pts',
    factors: 'What drives the score',
    factorScore: 'score',
    weight: 'weight',
    contribution: 'contribution',
    raw: 'value',
    missing: 'No data for',
    missingNote: 'left out of the score',
    updated: 'Updated',
    segment: 'Segment',
    customers: (count, n) => `${count} ${n === 1 ? 'customer' : 'customers'}`,
    notFound: 'This customer or segment is not in the health report',
    segmentSubject: (name, customers) => `Segment ${name} (${customers})`,
    summaryScore: (subject, score, band) => `${subject}: health score ${score} out of 100 (${band}).`,
    summaryUp: (points) => `Up ${points} pts vs 30 days ago.`,
    summaryDown: (points) => `Down ${points} pts vs 30 days ago.`,
    summaryFlat: 'No change vs 30 days ago.',
    summaryWeakest: (factor, score) => `Weakest factor: ${factor} (${score} out of 100).`,
    summaryMissing: (factors) => `No data for ${factors}.`,
    colFactor: 'Factor',
    noData: 'No data',
    factorLabels: {
      nps: 'NPS',
      seatUtilisation: 'Seat utilisation',
      daysSinceLastUsage: 'Days since last use',
      mrrChange: 'MRR change (3 months)',
      ticketVolume: 'Tickets (90 days)',
      slaBreachRate: 'SLA breaches (90 days)',
    },
    tickets: (count, n) => `${count} ${n === 1 ? 'ticket' : 'tickets'}`,
  },
  es: {
    outOf: '/ 100',
    healthScore: 'Puntuación de salud',
    red: 'En riesgo',
    yellow: 'Requiere atención',
    green: 'Saludable',
    noScore: 'No hay datos suficientes para puntuar',
    trendContext: 'vs. hace 30 días',
    noChange: 'sin cambios',
    points: 'pts',
    factors: 'Qué determina la puntuación',
    factorScore: 'puntuación',
    weight: 'peso',
    contribution: 'aporte',
    raw: 'valor',
    missing: 'Sin datos de',
    missingNote: 'no cuentan en la puntuación',
    updated: 'Actualizado',
    segment: 'Segmento',
    customers: (count, n) => `${count} ${n === 1 ? 'cliente' : 'clientes'}`,
    notFound: 'Este cliente o segmento no está en el informe de salud',
    segmentSubject: (name, customers) => `Segmento ${name} (${customers})`,
    summaryScore: (subject, score, band) => `${subject}: puntuación de salud de ${score} sobre 100 (${band}).`,
    summaryUp: (points) => `Sube ${points} pts vs. hace 30 días.`,
    summaryDown: (points) => `Baja ${points} pts vs. hace 30 días.`,
    summaryFlat: 'Sin cambios vs. hace 30 días.',
    summaryWeakest: (factor, score) => `Factor más débil: ${factor} (${score} sobre 100).`,
    summaryMissing: (factors) => `Sin datos de ${factors}.`,
    colFactor: 'Factor',
    noData: 'Sin datos',
    factorLabels: {
      nps: 'NPS',
      seatUtilisation: 'Uso de licencias',
      daysSinceLastUsage: 'Días desde el último uso',
      mrrChange: 'Cambio de MRR (3 meses)',
      ticketVolume: 'Incidencias (90 días)',
      slaBreachRate: 'Incumplimientos de SLA (90 días)',
    },
    tickets: (count, n) => `${count} ${n === 1 ? 'incidencia' : 'incidencias'}`,
  },
  pl: {
    outOf: '/ 100',
    healthScore: 'Wskaźnik kondycji',
    red: 'Zagrożony',
    yellow: 'Wymaga uwagi',
    green: 'W dobrej kondycji',
    noScore: 'Za mało danych, by obliczyć wynik',
    trendContext: 'vs 30 dni temu',
    noChange: 'bez zmian',
    points: 'pkt',
    factors: 'Co składa się na wynik',
    factorScore: 'wynik',
    weight: 'waga',
    contribution: 'udział',
    raw: 'wartość',
    missing: 'Brak danych:',
    missingNote: 'pominięte w wyniku',
    updated: 'Zaktualizowano',
    segment: 'Segment',
    customers: (count, n) => {
      const form = plPlural(n);
      return `${count} ${form === 'one' ? 'klient' : form === 'few' ? 'klienci' : 'klientów'}`;
    },
    notFound: 'Tego klienta lub segmentu nie ma w raporcie kondycji',
    segmentSubject: (name, customers) => `Segment ${name} (${customers})`,
    summaryScore: (subject, score, band) => `${subject}: wskaźnik kondycji ${score} na 100 (${band}).`,
    summaryUp: (points) => `Wzrost o ${points} pkt względem stanu sprzed 30 dni.`,
    summaryDown: (points) => `Spadek o ${points} pkt względem stanu sprzed 30 dni.`,
    summaryFlat: 'Bez zmian względem stanu sprzed 30 dni.',
    summaryWeakest: (factor, score) => `Najsłabszy czynnik: ${factor} (${score} na 100).`,
    summaryMissing: (factors) => `Brak danych: ${factors}.`,
    colFactor: 'Czynnik',
    noData: 'Brak danych',
    factorLabels: {
      nps: 'NPS',
      seatUtilisation: 'Wykorzystanie licencji',
      daysSinceLastUsage: 'Dni od ostatniego użycia',
      mrrChange: 'Zmiana MRR (3 miesiące)',
      ticketVolume: 'Zgłoszenia (90 dni)',
      slaBreachRate: 'Naruszenia SLA (90 dni)',
    },
    tickets: (count, n) => {
      const form = plPlural(n);
      return `${count} ${form === 'one' ? 'zgłoszenie' : form === 'few' ? 'zgłoszenia' : 'zgłoszeń'}`;
    },
  },
  bg: {
    outOf: '/ 100',
    healthScore: 'Оценка на състоянието',
    red: 'В риск',
    yellow: 'Нужно е внимание',
    green: 'В добро състояние',
    noScore: 'Няма достатъчно данни за оценка',
    trendContext: 'спрямо преди 30 дни',
    noChange: 'без промяна',
    points: 'т.',
    factors: 'Какво определя оценката',
    factorScore: 'оценка',
    weight: 'тегло',
    contribution: 'принос',
    raw: 'стойност',
    missing: 'Няма данни за',
    missingNote: 'не влизат в оценката',
    updated: 'Обновено',
    segment: 'Сегмент',
    customers: (count, n) => `${count} ${bgPlural(n) === 'one' ? 'клиент' : 'клиента'}`,
    notFound: 'Този клиент или сегмент не е в отчета за състоянието',
    segmentSubject: (name, customers) => `Сегмент ${name} (${customers})`,
    summaryScore: (subject, score, band) => `${subject}: оценка на състоянието ${score} от 100 (${band}).`,
    summaryUp: (points) => `Ръст с ${points} т. спрямо преди 30 дни.`,
    summaryDown: (points) => `Спад с ${points} т. спрямо преди 30 дни.`,
    summaryFlat: 'Без промяна спрямо преди 30 дни.',
    summaryWeakest: (factor, score) => `Най-слаб фактор: ${factor} (${score} от 100).`,
    summaryMissing: (factors) => `Няма данни за ${factors}.`,
    colFactor: 'Фактор',
    noData: 'Няма данни',
    factorLabels: {
      nps: 'NPS',
      seatUtilisation: 'Използване на лицензите',
      daysSinceLastUsage: 'Дни от последното използване',
      mrrChange: 'Промяна на MRR (3 месеца)',
      ticketVolume: 'Заявки за поддръжка (90 дни)',
      slaBreachRate: 'Нарушения на SLA (90 дни)',
    },
    tickets: (count, n) => `${count} ${bgPlural(n) === 'one' ? 'заявка' : 'заявки'}`,
  },
  'zh-Hans': {
    outOf: '/ 100',
    healthScore: '健康评分',
    red: '有风险',
    yellow: '需要关注',
    green: '健康',
    noScore: '数据不足，无法评分',
    trendContext: '与 30 天前相比',
    noChange: '无变化',
    points: '分',
    factors: '评分构成',
    factorScore: '得分',
    weight: '权重',
    contribution: '贡献',
    raw: '数值',
    missing: '缺少数据：',
    missingNote: '未计入评分',
    updated: '更新于',
    segment: '细分',
    customers: (count) => `${count} 位客户`,
    notFound: '健康报告中没有此客户或细分',
    segmentSubject: (name, customers) => `细分 ${name}（${customers}）`,
    summaryScore: (subject, score, band) => `${subject}：健康评分 ${score}（满分 100），${band}。`,
    summaryUp: (points) => `较 30 天前上升 ${points} 分。`,
    summaryDown: (points) => `较 30 天前下降 ${points} 分。`,
    summaryFlat: '与 30 天前相比无变化。',
    summaryWeakest: (factor, score) => `最弱因素：${factor}（${score} 分，满分 100）。`,
    summaryMissing: (factors) => `缺少数据：${factors}。`,
    colFactor: '因素',
    noData: '无数据',
    factorLabels: {
      nps: 'NPS',
      seatUtilisation: '席位使用率',
      daysSinceLastUsage: '距上次使用天数',
      mrrChange: 'MRR 变化（3 个月）',
      ticketVolume: '工单数（90 天）',
      slaBreachRate: 'SLA 违约率（90 天）',
    },
    tickets: (count) => `${count} 个工单`,
  },
};

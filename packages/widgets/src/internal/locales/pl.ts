import { fullStop, plural, pluralRule } from '../message-grammar.js';
import type { Translations } from '../translations.js';

const plPlural = pluralRule('pl');

/**
 * Every string of the elements in Polish. Loaded on first use by `loadTranslations` (messages.ts)
 * with a dynamic `import()`, so a page in another language never downloads it.
 */
export const translations: Translations = {
  common: {
    empty: 'Brak danych za ten okres',
    error: 'Nie udało się wczytać danych',
    invalidData: 'Nie udało się odczytać danych',
    retry: 'Spróbuj ponownie',
  },
  chart: {
    chart: 'wykres',
    unnamed: 'Wykres',
    keyboardHint: 'Strzałki przechodzą między punktami, Home i End do pierwszego i ostatniego, Enter wybiera.',
    showTable: 'Pokaż tabelę',
    hideTable: 'Ukryj tabelę',
    series: 'Serie',
    period: 'Okres',
    rose: (name, from, to, span) => `${name}: wzrost z ${from} do ${to} (${span}).`,
    fell: (name, from, to, span) => `${name}: spadek z ${from} do ${to} (${span}).`,
    unchanged: (name, value, span) => `${name}: bez zmian, ${value} (${span}).`,
  },
  export: { export: 'Eksportuj' },
  churnChart: {
    logo: 'Odpływ klientów',
    gross: 'Odpływ MRR brutto',
    net: 'Odpływ MRR netto',
    target: 'Cel',
    churnedCustomers: 'Utraceni klienci',
    churnedMrr: 'Utracony MRR',
    other: 'Inne',
    total: 'Razem',
    aboveTarget: (name, target, n, total) => `${name}: powyżej celu ${target} w ${n} z ${total} okresów.`,
    breakdownSummary: (what, total, span, parts) => `${what} (${span}): ${total} (${parts}).`,
  },
  cohortHeatmap: {
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
  customerList: {
    movements: {
      new: 'Nowy MRR',
      expansion: 'Rozszerzenia',
      contraction: 'Zmniejszenia',
      churn: 'Odejścia',
      reactivation: 'Reaktywacje',
      upsell: 'Upsell',
      crossSell: 'Sprzedaż krzyżowa',
    },
    heading: (movement, month) => `${movement}: ${month}`,
    total: (amount, n) =>
      `${amount} od ${n} ${plural('pl', n, { one: 'klienta', few: 'klientów', many: 'klientów', other: 'klienta' })}`,
    customer: 'Klient',
    before: 'MRR przed',
    after: 'MRR po',
    contribution: 'Udział',
    totalRow: 'Razem',
    linesChanged: 'Zmienione pozycje',
    line: 'Pozycja',
    noCustomers: 'Żaden klient nie składa się na tę liczbę',
    pages: 'Strony',
    previous: 'Poprzednia',
    next: 'Następna',
    range: (first, last, count) => `${first}–${last} z ${count}`,
  },
  rateView: {
    movement: 'Ruch',
    rates: {
      logoChurnRate: 'Wskaźnik odejść klientów',
      grossMrrChurnRate: 'Wskaźnik odejść MRR brutto',
      netMrrChurnRate: 'Wskaźnik odejść MRR netto',
      grr: 'Retencja przychodów brutto',
      nrr: 'Retencja przychodów netto',
      quickRatio: 'Quick ratio',
    },
    parts: 'Z czego składa się liczba',
    part: 'Składnik',
    amount: 'Kwota',
    numerator: 'Licznik',
    denominator: 'Mianownik',
    mrrIn: (month) => `MRR: ${month}`,
    customersIn: (month) => `Klienci: ${month}`,
    churnedCustomers: 'Klienci, którzy odeszli',
  },
  healthCard: {
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
  kpi: {
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
  mrrBridge: {
    steps: {
      start: 'Początek',
      new: 'Nowi',
      expansion: 'Rozszerzenia',
      reactivation: 'Reaktywacje',
      contraction: 'Ograniczenia',
      churn: 'Odpływ',
      end: 'Koniec',
    },
    movement: 'Zmiana',
    mrr: 'MRR',
    customers: 'Klienci',
    ofStart: 'Początkowego MRR',
    summary: (month, start, end, net, list) => `MRR (${month}): z ${start} do ${end} (${net}). Zmiany: ${list}.`,
  },
  npsTrend: {
    promoters: 'Promotorzy',
    passives: 'Pasywni',
    detractors: 'Krytycy',
    nps: 'NPS',
    responses: 'Odpowiedzi',
    confidence: 'Wiarygodność',
    low: 'Niska',
    ok: 'Wystarczająca',
    window: 'Okno',
    lowNote: (min) => `Niska wiarygodność: mniej niż ${min} odpowiedzi.`,
    lowSummary: (n, total, min) =>
      `Okresy z mniej niż ${min} odpowiedziami (${n} z ${total}) oznaczono jako mało wiarygodne.`,
    rolling: (span) => `Każdy punkt to NPS z okna kroczącego: ${span}.`,
  },
};

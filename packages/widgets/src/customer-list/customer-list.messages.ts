import type { Catalog } from '../internal/messages.js';

/** The movements `cskit explain` explains, by their JSON name. */
export type MovementName = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation' | 'upsell' | 'crossSell';

export interface CustomerListMessages {
  /** The movements' names, as a heading starts ("Churn"). */
  readonly movements: Readonly<Record<MovementName, string>>;
  /** The heading: the movement's name (or the label) and the month ("Churn in March 2025"). */
  readonly heading: (movement: string, month: string) => string;
  /** The total line: the movement's total and how many customers make it up. */
  readonly total: (amount: string, customers: number) => string;
  readonly customer: string;
  readonly before: string;
  readonly after: string;
  readonly contribution: string;
  /** The first cell of the footer row. */
  readonly totalRow: string;
  /** Screen-reader name of a customer's list of lines that changed. */
  readonly linesChanged: string;
  /** A line without product, plan or id. */
  readonly line: string;
  readonly noCustomers: string;
  /** The pagination's accessible name and its buttons. */
  readonly pages: string;
  readonly previous: string;
  readonly next: string;
  /** Which rows are shown ("51–100 of 120"). */
  readonly range: (first: string, last: string, count: string) => string;
}

const plural = (locale: string, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;

export const customerListMessages: Catalog<CustomerListMessages> = {
  en: {
    movements: {
      new: 'New MRR',
      expansion: 'Expansion',
      contraction: 'Contraction',
      churn: 'Churn',
      reactivation: 'Reactivation',
      upsell: 'Upsell',
      crossSell: 'Cross-sell',
    },
    heading: (movement, month) => `${movement} in ${month}`,
    total: (amount, n) => `${amount} from ${n} ${plural('en', n, { one: 'customer', other: 'customers' })}`,
    customer: 'Customer',
    before: 'MRR before',
    after: 'MRR after',
    contribution: 'Contribution',
    totalRow: 'Total',
    linesChanged: 'Lines that changed',
    line: 'Line',
    noCustomers: 'No customers behind this number',
    pages: 'Pages',
    previous: 'Previous',
    next: 'Next',
    range: (first, last, count) => `${first}–${last} of ${count}`,
  },
  es: {
    movements: {
      new: 'MRR nuevo',
      expansion: 'Expansión',
      contraction: 'Contracción',
      churn: 'Bajas',
      reactivation: 'Reactivación',
      upsell: 'Upsell',
      crossSell: 'Venta cruzada',
    },
    heading: (movement, month) => `${movement} en ${month}`,
    total: (amount, n) => `${amount} de ${n} ${plural('es', n, { one: 'cliente', other: 'clientes' })}`,
    customer: 'Cliente',
    before: 'MRR anterior',
    after: 'MRR posterior',
    contribution: 'Aportación',
    totalRow: 'Total',
    linesChanged: 'Líneas que cambiaron',
    line: 'Línea',
    noCustomers: 'Ningún cliente detrás de esta cifra',
    pages: 'Páginas',
    previous: 'Anterior',
    next: 'Siguiente',
    range: (first, last, count) => `${first}–${last} de ${count}`,
  },
  pl: {
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
  bg: {
    movements: {
      new: 'Нов MRR',
      expansion: 'Разширяване',
      contraction: 'Свиване',
      churn: 'Отпаднали',
      reactivation: 'Реактивиране',
      upsell: 'Допълнителни продажби',
      crossSell: 'Кръстосани продажби',
    },
    heading: (movement, month) => `${movement}: ${month}`,
    total: (amount, n) => `${amount} от ${n} ${plural('bg', n, { one: 'клиент', other: 'клиента' })}`,
    customer: 'Клиент',
    before: 'MRR преди',
    after: 'MRR след',
    contribution: 'Принос',
    totalRow: 'Общо',
    linesChanged: 'Променени редове',
    line: 'Ред',
    noCustomers: 'Няма клиенти зад това число',
    pages: 'Страници',
    previous: 'Предишна',
    next: 'Следваща',
    range: (first, last, count) => `${first}–${last} от ${count}`,
  },
  'zh-Hans': {
    movements: {
      new: '新增 MRR',
      expansion: '扩展',
      contraction: '收缩',
      churn: '流失',
      reactivation: '重新激活',
      upsell: '追加销售',
      crossSell: '交叉销售',
    },
    heading: (movement, month) => `${month}${movement}`,
    total: (amount, n) => `${amount}，来自 ${n} 位客户`,
    customer: '客户',
    before: '之前的 MRR',
    after: '之后的 MRR',
    contribution: '贡献',
    totalRow: '合计',
    linesChanged: '变化的订阅项',
    line: '订阅项',
    noCustomers: '此数字背后没有客户',
    pages: '分页',
    previous: '上一页',
    next: '下一页',
    range: (first, last, count) => `第 ${first}–${last} 位，共 ${count} 位`,
  },
};

import type { Catalog } from '../internal/messages.js';

/** The rates `cskit explain --rate` explains, by their JSON name. */
export type RateName = 'logoChurnRate' | 'grossMrrChurnRate' | 'netMrrChurnRate' | 'grr' | 'nrr' | 'quickRatio';

/** The strings only a rate's explanation needs (loaded with it, rate-view.ts). */
export interface RateViewMessages {
  /** The rates' names, as a heading starts ("Net revenue retention"). */
  readonly rates: Readonly<Record<RateName, string>>;
  /** Name of the table that takes a rate apart into numerator and denominator. */
  readonly parts: string;
  readonly part: string;
  readonly amount: string;
  readonly numerator: string;
  readonly denominator: string;
  /** A rate's starting MRR and its denominator: the MRR of the month before ("MRR in February 2024"). */
  readonly mrrIn: (month: string) => string;
  /** The logo churn rate's denominator: the customers of the month before. */
  readonly customersIn: (month: string) => string;
  /** The logo churn rate's numerator. */
  readonly churnedCustomers: string;
  /** Header of the movement column when a rate's customers are exported as one table. */
  readonly movement: string;
}

export const rateViewMessages: Catalog<RateViewMessages> = {
  en: {
    movement: 'Movement',
    rates: {
      logoChurnRate: 'Logo churn rate',
      grossMrrChurnRate: 'Gross MRR churn rate',
      netMrrChurnRate: 'Net MRR churn rate',
      grr: 'Gross revenue retention',
      nrr: 'Net revenue retention',
      quickRatio: 'Quick ratio',
    },
    parts: 'How the number is made',
    part: 'Part',
    amount: 'Amount',
    numerator: 'Numerator',
    denominator: 'Denominator',
    mrrIn: (month) => `MRR in ${month}`,
    customersIn: (month) => `Customers in ${month}`,
    churnedCustomers: 'Churned customers',
  },
  es: {
    movement: 'Movimiento',
    rates: {
      logoChurnRate: 'Tasa de bajas de clientes',
      grossMrrChurnRate: 'Tasa de bajas de MRR bruta',
      netMrrChurnRate: 'Tasa de bajas de MRR neta',
      grr: 'Retención bruta de ingresos',
      nrr: 'Retención neta de ingresos',
      quickRatio: 'Quick ratio',
    },
    parts: 'Cómo se obtiene la cifra',
    part: 'Parte',
    amount: 'Importe',
    numerator: 'Numerador',
    denominator: 'Denominador',
    mrrIn: (month) => `MRR en ${month}`,
    customersIn: (month) => `Clientes en ${month}`,
    churnedCustomers: 'Clientes dados de baja',
  },
  pl: {
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
  bg: {
    movement: 'Движение',
    rates: {
      logoChurnRate: 'Дял отпаднали клиенти',
      grossMrrChurnRate: 'Брутен дял отпаднал MRR',
      netMrrChurnRate: 'Нетен дял отпаднал MRR',
      grr: 'Брутно задържане на приходите',
      nrr: 'Нетно задържане на приходите',
      quickRatio: 'Quick ratio',
    },
    parts: 'От какво се състои числото',
    part: 'Част',
    amount: 'Сума',
    numerator: 'Числител',
    denominator: 'Знаменател',
    mrrIn: (month) => `MRR за ${month}`,
    customersIn: (month) => `Клиенти за ${month}`,
    churnedCustomers: 'Отпаднали клиенти',
  },
  'zh-Hans': {
    movement: '变动',
    rates: {
      logoChurnRate: '客户流失率',
      grossMrrChurnRate: 'MRR 总流失率',
      netMrrChurnRate: 'MRR 净流失率',
      grr: '总收入留存率',
      nrr: '净收入留存率',
      quickRatio: '快速比率',
    },
    parts: '此数字的构成',
    part: '组成部分',
    amount: '金额',
    numerator: '分子',
    denominator: '分母',
    mrrIn: (month) => `${month}的 MRR`,
    customersIn: (month) => `${month}的客户`,
    churnedCustomers: '流失的客户',
  },
};

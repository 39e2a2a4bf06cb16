import type { Catalog } from '../internal/messages.js';

export interface ChurnChartMessages {
  readonly logo: string;
  readonly gross: string;
  readonly net: string;
  readonly target: string;
  readonly churnedCustomers: string;
  readonly churnedMrr: string;
  /** The group that collects the smallest groups of a breakdown. */
  readonly other: string;
  readonly total: string;
  /** "Logo churn was above the 2.5% target in 4 of 12 periods." (`n`, `total` formatted) */
  readonly aboveTarget: (name: string, target: string, n: string, total: string) => string;
  /** "Churned customers over 12 months: 42 (SMB 64%, Enterprise 36%)." */
  readonly breakdownSummary: (what: string, total: string, span: string, parts: string) => string;
}

export const churnChartMessages: Catalog<ChurnChartMessages> = {
  en: {
    logo: 'Logo churn',
    gross: 'Gross MRR churn',
    net: 'Net MRR churn',
    target: 'Target',
    churnedCustomers: 'Churned customers',
    churnedMrr: 'Churned MRR',
    other: 'Other',
    total: 'Total',
    aboveTarget: (name, target, n, total) => `${name} was above the ${target} target in ${n} of ${total} periods.`,
    breakdownSummary: (what, total, span, parts) => `${what} over ${span}: ${total} (${parts}).`,
  },
  es: {
    logo: 'Abandono de clientes',
    gross: 'Abandono bruto de MRR',
    net: 'Abandono neto de MRR',
    target: 'Objetivo',
    churnedCustomers: 'Clientes perdidos',
    churnedMrr: 'MRR perdido',
    other: 'Otros',
    total: 'Total',
    aboveTarget: (name, target, n, total) => `${name} superó el objetivo de ${target} en ${n} de ${total} periodos.`,
    breakdownSummary: (what, total, span, parts) => `${what} en ${span}: ${total} (${parts}).`,
  },
  pl: {
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
  bg: {
    logo: 'Отлив на клиенти',
    gross: 'Брутен отлив на MRR',
    net: 'Нетен отлив на MRR',
    target: 'Цел',
    churnedCustomers: 'Загубени клиенти',
    churnedMrr: 'Загубен MRR',
    other: 'Други',
    total: 'Общо',
    aboveTarget: (name, target, n, total) => `${name}: над целта от ${target} в ${n} от ${total} периода.`,
    breakdownSummary: (what, total, span, parts) => `${what} за ${span}: ${total} (${parts}).`,
  },
  'zh-Hans': {
    logo: '客户流失率',
    gross: 'MRR 总流失率',
    net: 'MRR 净流失率',
    target: '目标',
    churnedCustomers: '流失客户数',
    churnedMrr: '流失 MRR',
    other: '其他',
    total: '合计',
    aboveTarget: (name, target, n, total) => `${name}在 ${total} 个期间中有 ${n} 个高于 ${target} 的目标。`,
    breakdownSummary: (what, total, span, parts) => `${span}内${what}：${total}（${parts}）。`,
  },
};

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

export const chartMessages: Catalog<ChartMessages> = {
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
  es: {
    chart: 'gráfico',
    unnamed: 'Gráfico',
    keyboardHint: 'Las flechas pasan de un punto a otro, Inicio y Fin van al primero y al último, Intro selecciona.',
    showTable: 'Mostrar tabla',
    hideTable: 'Ocultar tabla',
    series: 'Series',
    period: 'Periodo',
    rose: (name, from, to, span) => `${name} subió de ${from} a ${to} en ${span}.`,
    fell: (name, from, to, span) => `${name} bajó de ${from} a ${to} en ${span}.`,
    unchanged: (name, value, span) => `${name} se mantuvo en ${value} durante ${span}.`,
  },
  pl: {
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
  bg: {
    chart: 'диаграма',
    unnamed: 'Диаграма',
    keyboardHint: 'Стрелките преминават между точките, Home и End отиват на първата и последната, Enter избира.',
    showTable: 'Покажи таблицата',
    hideTable: 'Скрий таблицата',
    series: 'Серии',
    period: 'Период',
    rose: (name, from, to, span) => `${name}: ръст от ${from} до ${to} за ${span}.`,
    fell: (name, from, to, span) => `${name}: спад от ${from} до ${to} за ${span}.`,
    unchanged: (name, value, span) => `${name}: без промяна, ${value} за ${span}.`,
  },
  'zh-Hans': {
    chart: '图表',
    unnamed: '图表',
    keyboardHint: '使用方向键在数据点之间移动，Home 和 End 跳到第一个和最后一个，Enter 选择。',
    showTable: '显示表格',
    hideTable: '隐藏表格',
    series: '系列',
    period: '期间',
    rose: (name, from, to, span) => `${name}在${span}内从${from}上升到${to}。`,
    fell: (name, from, to, span) => `${name}在${span}内从${from}下降到${to}。`,
    unchanged: (name, value, span) => `${name}在${span}内保持在${value}。`,
  },
};

import type { Catalog } from '../messages.js';

/** The export menu's strings. */
export interface ExportMessages {
  /** The button that opens and closes the menu, and the menu's accessible name. */
  readonly export: string;
  /** The menu's buttons: the data as CSV, the chart as SVG and as PNG. */
  readonly csv: string;
  readonly svg: string;
  readonly png: string;
}

export const exportMessages: Catalog<ExportMessages> = {
  en: { export: 'Export', csv: 'Data (CSV)', svg: 'Image (SVG)', png: 'Image (PNG)' },
  es: { export: 'Exportar', csv: 'Datos (CSV)', svg: 'Imagen (SVG)', png: 'Imagen (PNG)' },
  pl: { export: 'Eksportuj', csv: 'Dane (CSV)', svg: 'Obraz (SVG)', png: 'Obraz (PNG)' },
  bg: { export: 'Експорт', csv: 'Данни (CSV)', svg: 'Изображение (SVG)', png: 'Изображение (PNG)' },
  'zh-Hans': { export: '导出', csv: '数据 (CSV)', svg: '图片 (SVG)', png: '图片 (PNG)' },
};

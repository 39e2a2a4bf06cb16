import { defineElement } from '../internal/define-element.js';
import { CsNpsTrend } from './nps-trend.js';

export { CsNpsTrend };
export type { NpsCounts, NpsInput, NpsSeries } from './nps-trend-data.js';
export type { PointSelectDetail } from '../internal/chart/chart-element.js';
export type { DataFormat, ExportDetail, ImageFormat } from '../internal/export/exportable.js';

defineElement('cs-nps-trend', CsNpsTrend);

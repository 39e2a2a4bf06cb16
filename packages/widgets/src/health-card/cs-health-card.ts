import { defineElement } from '../internal/define-element.js';
import { CsHealthCard } from './health-card.js';

export { CsHealthCard };
export type {
  HealthBand,
  HealthBandInput,
  HealthBands,
  HealthCardInput,
  HealthContext,
  HealthCustomer,
  HealthFactor,
  HealthReport,
  HealthSegment,
  MissingFactor,
} from './health-card-data.js';
export type { DataFormat, ExportDetail, ImageFormat } from '../internal/export/exportable.js';

defineElement('cs-health-card', CsHealthCard);

import { defineElement } from '../internal/define-element.js';
import { CsMrrBridge } from './mrr-bridge.js';

export { CsMrrBridge };
export type { BridgeStep, MrrBridge, MrrBridgeInput, MrrMovement } from './mrr-bridge-data.js';
export type { PointSelectDetail } from '../internal/chart/chart-element.js';
export type { DataFormat, ExportDetail, ImageFormat } from '../internal/export/exportable.js';

defineElement('cs-mrr-bridge', CsMrrBridge);

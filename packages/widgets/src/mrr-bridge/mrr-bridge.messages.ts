import type { Catalog } from '../internal/messages.js';
import type { BridgeStep } from './mrr-bridge-data.js';

export interface MrrBridgeMessages {
  readonly steps: Readonly<Record<BridgeStep, string>>;
  /** Header of the table's first column. */
  readonly movement: string;
  readonly mrr: string;
  readonly customers: string;
  /** Tooltip row: the step as a share of the starting MRR. */
  readonly ofStart: string;
  /** "MRR went from $126,903.13 to $130,264.72 in January 2024 (+$3,361.59): New +$4,649.00, … ." */
  readonly summary: (month: string, start: string, end: string, net: string, list: string) => string;
}

export const mrrBridgeMessages: Catalog<'mrrBridge'> = {
  key: 'mrrBridge',
  en: {
    steps: {
      start: 'Start',
      new: 'New',
      expansion: 'Expansion',
      reactivation: 'Reactivation',
      contraction: 'Contraction',
      churn: 'Churn',
      end: 'End',
    },
    movement: 'Movement',
    mrr: 'MRR',
    customers: 'Customers',
    ofStart: 'Of starting MRR',
    summary: (month, start, end, net, list) => `MRR went from ${start} to ${end} in ${month} (${net}): ${list}.`,
  },
};

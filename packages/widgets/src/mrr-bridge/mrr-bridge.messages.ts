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

export const mrrBridgeMessages: Catalog<MrrBridgeMessages> = {
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
  es: {
    steps: {
      start: 'Inicio',
      new: 'Nuevo',
      expansion: 'Expansión',
      reactivation: 'Reactivación',
      contraction: 'Contracción',
      churn: 'Abandono',
      end: 'Fin',
    },
    movement: 'Movimiento',
    mrr: 'MRR',
    customers: 'Clientes',
    ofStart: 'Del MRR inicial',
    summary: (month, start, end, net, list) => `El MRR pasó de ${start} a ${end} en ${month} (${net}): ${list}.`,
  },
  pl: {
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
  bg: {
    steps: {
      start: 'Начало',
      new: 'Нови',
      expansion: 'Разширения',
      reactivation: 'Реактивации',
      contraction: 'Свивания',
      churn: 'Отлив',
      end: 'Край',
    },
    movement: 'Движение',
    mrr: 'MRR',
    customers: 'Клиенти',
    ofStart: 'От началния MRR',
    summary: (month, start, end, net, list) => `MRR (${month}): от ${start} до ${end} (${net}). Движения: ${list}.`,
  },
  'zh-Hans': {
    steps: {
      start: '期初',
      new: '新增',
      expansion: '扩展',
      reactivation: '重新激活',
      contraction: '收缩',
      churn: '流失',
      end: '期末',
    },
    movement: '变动',
    mrr: 'MRR',
    customers: '客户数',
    ofStart: '占期初 MRR',
    summary: (month, start, end, net, list) => `${month} MRR 从 ${start} 变为 ${end}（${net}）：${list}。`,
  },
};

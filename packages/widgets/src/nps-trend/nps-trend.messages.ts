import type { Catalog } from '../internal/messages.js';

export interface NpsTrendMessages {
  readonly promoters: string;
  readonly passives: string;
  readonly detractors: string;
  readonly nps: string;
  readonly responses: string;
  readonly confidence: string;
  readonly low: string;
  readonly ok: string;
  /** Header of the rolling window's first and last period. */
  readonly window: string;
  readonly lowNote: (min: string) => string;
  readonly lowSummary: (n: string, total: string, min: string) => string;
  /** `span` is a duration ("3 months"). */
  readonly rolling: (span: string) => string;
}

export const npsTrendMessages: Catalog<NpsTrendMessages> = {
  en: {
    promoters: 'Promoters',
    passives: 'Passives',
    detractors: 'Detractors',
    nps: 'NPS',
    responses: 'Responses',
    confidence: 'Confidence',
    low: 'Low',
    ok: 'OK',
    window: 'Window',
    lowNote: (min) => `Low confidence: fewer than ${min} responses.`,
    lowSummary: (n, total, min) =>
      `${n} of ${total} periods had fewer than ${min} responses and are marked as low confidence.`,
    rolling: (span) => `Each point is the NPS over the last ${span}.`,
  },
  es: {
    promoters: 'Promotores',
    passives: 'Pasivos',
    detractors: 'Detractores',
    nps: 'NPS',
    responses: 'Respuestas',
    confidence: 'Confianza',
    low: 'Baja',
    ok: 'Suficiente',
    window: 'Ventana',
    lowNote: (min) => `Confianza baja: menos de ${min} respuestas.`,
    lowSummary: (n, total, min) =>
      `${n} de ${total} periodos tuvieron menos de ${min} respuestas y se marcan con confianza baja.`,
    rolling: (span) => `Cada punto es el NPS de los últimos ${span}.`,
  },
  pl: {
    promoters: 'Promotorzy',
    passives: 'Pasywni',
    detractors: 'Krytycy',
    nps: 'NPS',
    responses: 'Odpowiedzi',
    confidence: 'Wiarygodność',
    low: 'Niska',
    ok: 'Wystarczająca',
    window: 'Okno',
    lowNote: (min) => `Niska wiarygodność: mniej niż ${min} odpowiedzi.`,
    lowSummary: (n, total, min) =>
      `Okresy z mniej niż ${min} odpowiedziami (${n} z ${total}) oznaczono jako mało wiarygodne.`,
    rolling: (span) => `Każdy punkt to NPS z okna kroczącego: ${span}.`,
  },
  bg: {
    promoters: 'Промоутъри',
    passives: 'Пасивни',
    detractors: 'Критици',
    nps: 'NPS',
    responses: 'Отговори',
    confidence: 'Достоверност',
    low: 'Ниска',
    ok: 'Достатъчна',
    window: 'Прозорец',
    lowNote: (min) => `Ниска достоверност: под ${min} отговора.`,
    lowSummary: (n, total, min) =>
      `${n} от ${total} периода имат под ${min} отговора и са отбелязани с ниска достоверност.`,
    rolling: (span) => `Всяка точка е NPS за последните ${span}.`,
  },
  'zh-Hans': {
    promoters: '推荐者',
    passives: '被动者',
    detractors: '贬损者',
    nps: 'NPS',
    responses: '回复数',
    confidence: '可信度',
    low: '低',
    ok: '充足',
    window: '窗口',
    lowNote: (min) => `可信度低：回复少于 ${min} 条。`,
    lowSummary: (n, total, min) => `${total} 个期间中有 ${n} 个回复少于 ${min} 条，标记为低可信度。`,
    rolling: (span) => `每个点为最近${span}的 NPS。`,
  },
};

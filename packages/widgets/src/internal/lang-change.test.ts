import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSample, elementSamples, visibleText } from '../test-support/element-samples.js';

/**
 * Per element and language: words from the element's catalogs and numbers as that locale writes
 * them. (Intl separators vary: `\u00a0` and `\u202f` are collapsed to spaces before comparing.)
 */
const expected: Readonly<Record<string, Readonly<Record<'en' | 'pl' | 'es' | 'bg', readonly string[]>>>> = {
  'cs-kpi': {
    en: ['€1,210.50', '+10.0% vs previous period', 'favourable', 'Jan 2024 to Mar 2024'],
    pl: ['1210,50 €', '+10,0% vs poprzedni okres', 'korzystnie', 'od sty 2024 do mar 2024'],
    es: ['1210,50 €', '+10,0 % vs. periodo anterior', 'favorable', 'de ene 2024 a mar 2024'],
    bg: ['1210,50 €', '+10,0% спрямо предходния период', 'благоприятно', 'от 01.2024 г. до 03.2024 г.'],
  },
  'cs-health-card': {
    en: ['Healthy', 'What drives the score', '81.2 / 100', 'Updated Dec 31, 2024'],
    pl: ['W dobrej kondycji', 'Co składa się na wynik', '81,2 / 100', 'Zaktualizowano 31 gru 2024'],
    es: ['Saludable', 'Qué determina la puntuación', '81,2 / 100', 'Actualizado 31 dic 2024'],
    bg: ['В добро състояние', 'Какво определя оценката', '81,2 / 100', 'Обновено 31.12.2024 г.'],
  },
  'cs-cohort-heatmap': {
    en: ['Customers', 'Month 1', 'Jan 2024', '87.5%'],
    pl: ['Klienci', 'Miesiąc 1', 'sty 2024', '87,5%'],
    es: ['Clientes', 'Mes 1', 'ene 2024', '87,5 %'],
    bg: ['Клиенти', 'Месец 1', '01.2024 г.', '87,5%'],
  },
  'cs-churn-chart': {
    en: ['Logo churn rose from 2.1% to 3.4%', 'Show table'],
    pl: ['Odpływ klientów: wzrost z 2,1% do 3,4%', 'Pokaż tabelę'],
    es: ['Abandono de clientes subió de 2,1 % a 3,4 %', 'Mostrar tabla'],
    bg: ['Отлив на клиенти: ръст от 2,1% до 3,4%', 'Покажи таблицата'],
  },
  'cs-nps-trend': {
    en: ['Promoters', 'NPS rose from 22.5 to 40'],
    pl: ['Promotorzy', 'NPS: wzrost z 22,5 do 40'],
    es: ['Promotores', 'NPS subió de 22,5 a 40'],
    bg: ['Промоутъри', 'NPS: ръст от 22,5 до 40'],
  },
  'cs-mrr-bridge': {
    en: ['Expansion', 'MRR went from $10,000.00 to $10,450.50'],
    pl: ['Rozszerzenia', 'z 10 000,00 USD do 10 450,50 USD'],
    es: ['Expansión', 'El MRR pasó de 10.000,00 US$ a 10.450,50 US$'],
    bg: ['Разширения', 'от 10 000,00 щ.д. до 10 450,50 щ.д.'],
  },
  'cs-customer-list': {
    en: ['Churn in March 2024', '$350.00 from 2 customers', 'Contribution'],
    pl: ['Odejścia: marzec 2024', '350,00 USD od 2 klientów', 'Udział'],
    es: ['Bajas en marzo de 2024', '350,00 US$ de 2 clientes', 'Aportación'],
    bg: ['Отпаднали: март 2024 г.', '350,00 щ.д. от 2 клиента', 'Принос'],
  },
};

function text(el: Element): string {
  return visibleText(el).replace(/[\u00a0\u202f]/g, ' ');
}

/**
 * Waits until the element shows every one of `strings`. A language's strings load on first use, from
 * the dev server: the wait allows a slow, loaded machine.
 */
async function shows(el: Element, strings: readonly string[]): Promise<void> {
  await vi.waitFor(
    () => {
      const shown = text(el);
      for (const s of strings) expect(shown).toContain(s);
    },
    { timeout: 20_000 },
  );
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe.each(elementSamples.map((sample) => [sample.tag, sample] as const))('<%s>', (tag, sample) => {
  it('re-renders in the language of the nearest lang when it changes', async () => {
    const host = document.createElement('div');
    host.lang = 'en';
    host.style.width = '640px';
    const el = createSample(sample);
    el.data = sample.data();
    host.append(el);
    document.body.append(host);
    const strings = expected[tag];
    if (!strings) throw new Error(`no expectations for ${tag}`);
    await shows(el, strings.en);
    for (const lang of ['pl', 'es', 'bg'] as const) {
      host.lang = lang;
      await shows(el, strings[lang]);
      for (const other of strings.en.filter((s) => !strings[lang].includes(s))) expect(text(el)).not.toContain(other);
    }
  });

  it('follows the document lang when no closer element has one', async () => {
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'en';
      const el = createSample(sample);
      el.data = sample.data();
      const box = document.createElement('div');
      box.style.width = '640px';
      box.append(el);
      document.body.append(box);
      const strings = expected[tag];
      if (!strings) throw new Error(`no expectations for ${tag}`);
      await shows(el, strings.en);
      document.documentElement.lang = 'es';
      await shows(el, strings.es);
    } finally {
      document.documentElement.lang = before;
    }
  });
});

describe('the shared lang observer', () => {
  it('is one observer, disconnected when the last element leaves the page', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const elements = elementSamples.map((sample) => {
      const el = createSample(sample);
      el.data = sample.data();
      document.body.append(el);
      return el;
    });
    await Promise.all(elements.map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete));
    const langObservers = () => observe.mock.calls.filter(([, options]) => options?.attributeFilter?.includes('lang'));
    expect(langObservers()).toHaveLength(1);
    expect(langObservers()[0]?.[0]).toBe(document.documentElement);
    for (const el of elements.slice(1)) el.remove();
    expect(disconnect).not.toHaveBeenCalled();
    elements[0]?.remove();
    expect(disconnect).toHaveBeenCalledTimes(1);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import './cs-customer-list.js';
import type { CsCustomerList } from './customer-list.js';
import type { MovementExplanationInput, RateExplanationInput } from './customer-list-data.js';
import { customerListMessages } from './customer-list.messages.js';
import { rateViewMessages } from './rate-view.messages.js';
import { loadTranslations, pickMessages, supportedLanguages } from '../internal/messages.js';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { json, serveInTurn, unroute } from '../test-support/routes.js';
import { sampleReport } from '../test-support/sample-report.js';
import {
  SAMPLE_CHURN_MONTH,
  SAMPLE_EXPANSION_MONTH,
  sampleExplanation,
  sampleRateExplanation,
} from '../test-support/sample-explain.js';
import { findTextLayoutProblems } from '../test-support/text-layout.js';

const routes: string[] = [];

afterEach(async () => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  for (const path of routes.splice(0)) await unroute(path);
});

async function mount(setup: (el: CsCustomerList) => void, width = 640, lang = 'en'): Promise<CsCustomerList> {
  const host = document.createElement('div');
  host.lang = lang;
  host.style.width = `${width}px`;
  document.body.append(host);
  const el = document.createElement('cs-customer-list');
  setup(el);
  host.append(el);
  await el.updateComplete;
  return el;
}

const $ = <E extends Element = HTMLElement>(el: CsCustomerList, selector: string): E | null =>
  el.shadowRoot?.querySelector<E>(selector) ?? null;
const $$ = (el: CsCustomerList, selector: string): HTMLElement[] => [
  ...(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];
const text = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The cells of the body rows: customer id (the slot's fallback), before, after, contribution. */
const bodyRows = (el: CsCustomerList): string[][] =>
  $$(el, 'tbody tr').map((row) => [
    text(row.querySelector('slot')),
    ...[...row.querySelectorAll('td')].map((cell) => text(cell)),
  ]);
const usd = (value: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(value);

/** A small explanation written by hand. */
function handMade(): MovementExplanationInput {
  return {
    version: 1,
    currency: 'USD',
    month: '2024-03',
    movement: 'churn',
    mrr: 150,
    // Deliberately not in order: the element sorts by contribution.
    customers: [
      { customerId: 'initech', previousMrr: 50, mrr: 0, amount: 50, lines: [] },
      {
        customerId: 'acme/us?x=1&y=<b>',
        previousMrr: 100,
        mrr: 0,
        amount: 100,
        lines: [
          { lineId: 'L2', subscriptionId: 'S2', product: 'Platform', plan: 'Growth', previousMrr: 100, mrr: 0 },
          { lineId: 'L9', subscriptionId: 'S2', product: 'Support', plan: null, previousMrr: 0, mrr: 0 },
        ],
      },
    ],
  };
}

/**
 * March 2024's NRR written by hand: MRR(February) 300; expansion 20 (one customer), churn 100 (two),
 * no contraction. NRR = (300 − 100 − 0 + 20) ÷ 300 = 220 ÷ 300 = 0.7333….
 */
function handMadeRate(): RateExplanationInput {
  return {
    version: 1,
    currency: 'USD',
    month: '2024-03',
    rate: 'nrr',
    value: 220 / 300,
    numerator: 220,
    denominator: 300,
    movements: [
      {
        month: '2024-03',
        movement: 'expansion',
        mrr: 20,
        customers: [{ customerId: 'hooli', previousMrr: 80, mrr: 100, amount: 20 }],
      },
      {
        month: '2024-03',
        movement: 'churn',
        mrr: 100,
        customers: [
          { customerId: 'initech', previousMrr: 40, mrr: 0, amount: 40 },
          { customerId: 'acme', previousMrr: 60, mrr: 0, amount: 60 },
        ],
      },
      { month: '2024-03', movement: 'contraction', mrr: 0, customers: [] },
    ],
  };
}

/** Mounts a rate's explanation and waits for the rate view, which the element loads on first use. */
async function mountRate(
  data: RateExplanationInput,
  setup: (el: CsCustomerList) => void = () => undefined,
  lang = 'en',
) {
  const el = await mount(
    (e) => {
      e.data = data;
      setup(e);
    },
    640,
    lang,
  );
  await vi.waitFor(() => expect($(el, '[part~="parts"]')).not.toBeNull());
  return el;
}

/** The rows of the table taking a rate apart: part, amount. */
const partRows = (el: CsCustomerList): string[][] =>
  $$(el, '[part~="parts"] tbody tr').map((row) => [...row.children].map((cell) => text(cell)));

describe('<cs-customer-list> explaining a rate', () => {
  it('takes NRR apart: value = numerator ÷ denominator, the parts that make the numerator, each movement listed', async () => {
    const el = await mountRate(handMadeRate());
    expect(text($(el, '[part~="heading"]'))).toBe('Net revenue retention in March 2024');
    // The number clicked, 73.33 %, and what it is the quotient of.
    expect(text($(el, '[part~="total"]'))).toBe('73.33% = $220.00 ÷ $300.00');
    expect(partRows(el)).toEqual([
      ['MRR in February 2024', '$300.00'],
      ['Expansion', '+$20.00'],
      ['Churn', '-$100.00'],
      ['Contraction', '$0.00'],
      ['Numerator', '$220.00'], // 300 + 20 − 100 − 0
      ['Denominator: MRR in February 2024', '$300.00'],
      ['Net revenue retention', '73.33%'],
    ]);
    // One table per movement, largest contribution first, each with its movement's total.
    const sections = $$(el, 'section.movement');
    expect(sections.map((s) => text(s.querySelector('[part~="heading"]')))).toEqual([
      'Expansion in March 2024',
      'Churn in March 2024',
      'Contraction in March 2024',
    ]);
    const rowsOf = (section: HTMLElement) =>
      [...section.querySelectorAll('tbody tr')].map((row) => text(row.querySelector('slot')));
    expect(sections.map(rowsOf)).toEqual([['hooli'], ['acme', 'initech'], []]);
    expect(text(sections[1]?.querySelector('[part~="total"]'))).toBe('$100.00 from 2 customers');
    expect(text(sections[1]?.querySelector('tfoot td:last-child'))).toBe('$100.00');
    expect(text(sections[2]?.querySelector('[part~="state"]'))).toBe('No customers behind this number');
    await expectNoAxeViolations(el);
  });

  it("equals the sample company's report: NRR and logo churn of a month", async () => {
    const report = sampleReport();
    const index = report.months.findIndex((m) => m.month === SAMPLE_CHURN_MONTH);
    const month = report.months[index];
    const before = report.months[index - 1];
    const percent = (v: number | null | undefined) =>
      new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        v ?? Number.NaN,
      );

    const nrr = sampleRateExplanation(SAMPLE_CHURN_MONTH, 'nrr');
    expect(nrr.value).toBe(month?.nrr);
    expect(nrr.denominator).toBe(before?.mrr);
    const el = await mountRate(nrr);
    expect(text($(el, '[part~="total"]'))).toBe(
      `${percent(month?.nrr)} = ${usd(nrr.numerator)} ÷ ${usd(before?.mrr ?? Number.NaN)}`,
    );
    // Each movement's list adds up to the report's movement: same customers, same total.
    const sections = $$(el, 'section.movement');
    for (const [i, part] of nrr.movements.entries()) {
      const reported = month?.movements[part.movement as 'churn' | 'contraction' | 'expansion'];
      expect(part.mrr).toBe(reported?.mrr);
      expect(sections[i]?.querySelectorAll('tbody tr')).toHaveLength(Math.min(50, reported?.customers ?? -1));
      expect(text(sections[i]?.querySelector('tfoot td:last-child'))).toBe(usd(reported?.mrr ?? Number.NaN));
    }
    await expectNoAxeViolations(el);

    // Logo churn counts customers: 17 churned of the customers at the end of February.
    const logo = sampleRateExplanation(SAMPLE_CHURN_MONTH, 'logoChurnRate');
    el.data = logo;
    await el.updateComplete;
    expect(logo.numerator).toBe(17);
    expect(logo.denominator).toBe(before?.customers);
    expect(text($(el, '[part~="total"]'))).toBe(`${percent(month?.logoChurnRate)} = 17 ÷ ${before?.customers}`);
    expect(partRows(el)).toEqual([
      ['Churned customers', '17'],
      ['Numerator', '17'],
      ['Denominator: Customers in February 2025', String(before?.customers)],
      ['Logo churn rate', percent(month?.logoChurnRate)],
    ]);
    expect($$(el, 'section.movement tbody tr')).toHaveLength(17);
  });

  it('pages each movement on its own, and names each pagination after its movement', async () => {
    const el = await mountRate(handMadeRate(), (e) => (e.pageSize = 1));
    const navs = $$(el, 'nav[part~="pagination"]');
    expect(navs.map((n) => n.getAttribute('aria-label'))).toEqual(['Pages: Churn']);
    const churn = $$(el, 'section.movement')[1];
    const first = () => text(churn?.querySelector('tbody slot') ?? null);
    expect(first()).toBe('acme');
    navs[0]?.querySelector<HTMLButtonElement>('[part~="next"]')?.click();
    await el.updateComplete;
    expect(first()).toBe('initech');
    expect(text($$(el, 'section.movement')[0]?.querySelector('tbody slot') ?? null)).toBe('hooli');
    await expectNoAxeViolations(el);
  });

  it('shows the loading state while the rate view loads, then the rate', async () => {
    const el = await mount((e) => (e.data = handMadeRate()));
    // The first render of a rate waits for rate-view.js: the list's skeleton, busy, meanwhile.
    const base = $(el, '[part~="base"]');
    expect($(el, '[part~="parts"]') === null ? base?.getAttribute('aria-busy') : 'true').toBe('true');
    await vi.waitFor(() => expect($(el, '[part~="parts"]')).not.toBeNull());
    expect($(el, '[part~="base"]')?.getAttribute('aria-busy')).toBeNull();
  });

  it('exports every customer of every movement, the movement first, money raw', async () => {
    const el = await mountRate(handMadeRate());
    expect(await el.exportData('csv')).toBe(
      'Movement,Customer,MRR before,MRR after,Contribution\r\n' +
        'expansion,hooli,80,100,20\r\n' +
        'churn,acme,60,0,60\r\n' +
        'churn,initech,40,0,40\r\n',
    );
  });

  it.each([
    ['es', 'Retención neta de ingresos en marzo de 2024', 'Numerador'],
    ['pl', 'Retencja przychodów netto: marzec 2024', 'Licznik'],
    ['bg', 'Нетно задържане на приходите: март 2024 г.', 'Числител'],
    ['zh-CN', '2024年3月净收入留存率', '分子'],
  ])('speaks %s', async (lang, heading, numerator) => {
    const el = await mountRate(handMadeRate(), () => undefined, lang);
    expect(text($(el, '[part~="heading"]'))).toBe(heading);
    expect(partRows(el).map((r) => r[0])).toContain(numerator);
    await expectNoAxeViolations(el);
  });
});

describe('<cs-customer-list> on the sample company', () => {
  const report = sampleReport();
  const monthOf = (month: string) => report.months.find((m) => m.month === month);

  it("lists the churned customers, largest first, with a total equal to the report's churn", async () => {
    const explanation = sampleExplanation(SAMPLE_CHURN_MONTH, 'churn');
    const churn = monthOf(SAMPLE_CHURN_MONTH)?.movements.churn;
    expect(churn?.customers).toBe(17);
    const el = await mount((e) => (e.data = explanation));
    expect(text($(el, '[part~="heading"]'))).toBe('Churn in March 2025');
    // The number clicked: the report's churn MRR for the month, shown in the total line and the footer.
    expect(explanation.mrr).toBe(churn?.mrr);
    expect(text($(el, '[part~="total"]'))).toBe(`${usd(churn?.mrr ?? Number.NaN)} from 17 customers`);
    expect(text($(el, 'tfoot td:last-child'))).toBe(usd(churn?.mrr ?? Number.NaN));
    const rows = bodyRows(el);
    expect(rows).toHaveLength(17);
    const amounts = explanation.customers.map((c) => c.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(rows.map((r) => r[3])).toEqual(amounts.map(usd));
    // The listed contributions add up to the total (each rounded to the cent: within a cent each).
    const sum = amounts.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - explanation.mrr)).toBeLessThanOrEqual(0.01 * amounts.length);
    // A churned customer goes from its MRR to nothing.
    const first = explanation.customers[0];
    expect(rows[0]).toEqual([first?.customerId, usd(first?.previousMrr ?? 0), usd(0), usd(first?.amount ?? 0)]);
    await expectNoAxeViolations(el);
  });

  it('pages through the 110 expanding customers of a month 50 at a time, by mouse and keyboard', async () => {
    const explanation = sampleExplanation(SAMPLE_EXPANSION_MONTH, 'expansion');
    expect(explanation.customers).toHaveLength(110);
    expect(explanation.mrr).toBe(monthOf(SAMPLE_EXPANSION_MONTH)?.movements.expansion.mrr);
    const el = await mount((e) => (e.data = explanation));
    const ids = explanation.customers.map((c) => c.customerId);
    const range = () => text($(el, '#range'));
    const previous = $<HTMLButtonElement>(el, '[part~="previous"]');
    const next = $<HTMLButtonElement>(el, '[part~="next"]');
    expect($(el, 'nav[part~="pagination"]')?.getAttribute('aria-label')).toBe('Pages');
    expect(range()).toBe('1–50 of 110');
    expect(bodyRows(el).map((r) => r[0])).toEqual(ids.slice(0, 50));
    expect(previous?.getAttribute('aria-disabled')).toBe('true');
    // The footer is the movement's total on every page, not the page's.
    expect(text($(el, 'tfoot td:last-child'))).toBe(usd(explanation.mrr));

    next?.click();
    await el.updateComplete;
    expect(range()).toBe('51–100 of 110');
    expect(bodyRows(el).map((r) => r[0])).toEqual(ids.slice(50, 100));

    next?.focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(range()).toBe('101–110 of 110');
    expect(bodyRows(el).map((r) => r[0])).toEqual(ids.slice(100));
    expect(next?.getAttribute('aria-disabled')).toBe('true');
    // At the end Next stays focused and does nothing.
    await userEvent.keyboard(' ');
    await el.updateComplete;
    expect(range()).toBe('101–110 of 110');
    expect(el.shadowRoot?.activeElement).toBe(next);

    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(el.shadowRoot?.activeElement).toBe(previous);
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(range()).toBe('51–100 of 110');
    await expectNoAxeViolations(el);

    // New data starts again at its first page.
    el.data = sampleExplanation(SAMPLE_EXPANSION_MONTH, 'expansion');
    await el.updateComplete;
    expect(range()).toBe('1–50 of 110');
  });

  it('takes page-size', async () => {
    const el = await mount((e) => {
      e.data = sampleExplanation(SAMPLE_CHURN_MONTH, 'churn');
      e.pageSize = 10;
    });
    expect(bodyRows(el)).toHaveLength(10);
    expect(text($(el, '#range'))).toBe('1–10 of 17');
  });

  it.each([280, 320, 400, 1200])(
    'at %i px no text overlaps or is cut off, on one page and paginated',
    async (width) => {
      for (const data of [
        sampleExplanation(SAMPLE_CHURN_MONTH, 'churn'),
        sampleExplanation(SAMPLE_EXPANSION_MONTH, 'expansion'),
      ]) {
        const el = await mount((e) => {
          e.data = data;
          e.customerHref = '/customers/{customerId}';
        }, width);
        expect(findTextLayoutProblems(el)).toEqual([]);
        el.parentElement?.remove();
      }
    },
  );
});

describe('<cs-customer-list> links and text', () => {
  it('links each customer through customer-href with the id URL-encoded, and shows ids as text', async () => {
    const el = await mount((e) => {
      e.data = handMade();
      e.customerHref = '/customers/{customerId}?from=list';
    });
    const links = $$(el, 'a[part~="customer-link"]');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/customers/acme%2Fus%3Fx%3D1%26y%3D%3Cb%3E?from=list',
      '/customers/initech?from=list',
    ]);
    expect(links.map((a) => a.textContent)).toEqual(['acme/us?x=1&y=<b>', 'initech']);
    expect($(el, 'b, img, script')).toBeNull();
  });

  it('shows plain ids without customer-href, and a slotted element in place of an id', async () => {
    const el = await mount((e) => (e.data = handMade()));
    expect($(el, 'a')).toBeNull();
    const name = document.createElement('a');
    name.slot = 'customer-initech';
    name.href = '#crm-initech';
    name.textContent = 'Initech Inc.';
    el.append(name);
    const slot = $<HTMLSlotElement>(el, 'slot[name="customer-initech"]');
    expect(slot?.assignedElements()).toEqual([name]);
    expect(findTextLayoutProblems(el)).toEqual([]);
  });

  it('names a movement it does not know by its JSON name, and prefers label', async () => {
    const el = await mount((e) => (e.data = { ...handMade(), movement: 'toString' }));
    expect(text($(el, '[part~="heading"]'))).toBe('toString in March 2024');
    el.label = 'Lost accounts';
    await el.updateComplete;
    expect(text($(el, '[part~="heading"]'))).toBe('Lost accounts in March 2024');
  });

  it('lists the lines that changed under each customer, not the unchanged ones', async () => {
    const el = await mount((e) => (e.data = handMade()));
    const lines = $$(el, 'tbody tr:first-child .lines li').map((li) => text(li));
    expect(lines).toEqual([`Platform · Growth: ${usd(100)} → ${usd(0)}`]);
    expect($(el, 'tbody tr:first-child .lines')?.getAttribute('aria-label')).toBe('Lines that changed');
    expect($(el, 'tbody tr:last-child .lines')).toBeNull();
  });
});

describe('<cs-customer-list> states', () => {
  it('is empty without data or src', async () => {
    const el = await mount(() => undefined);
    expect(text($(el, '[part~="state"]'))).toBe('No data for this period');
    await expectNoAxeViolations(el);
  });

  it('says so when no customer is behind the number', async () => {
    const el = await mount((e) => (e.data = { ...handMade(), mrr: 0, customers: [] }));
    expect(text($(el, '[part~="total"]'))).toBe(`${usd(0)} from 0 customers`);
    expect(text($(el, '[part~="state"]'))).toBe('No customers behind this number');
    expect($(el, 'table')).toBeNull();
    await expectNoAxeViolations(el);
  });

  it('shows a skeleton while src loads, then the list', async () => {
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(window, 'fetch').mockImplementation(async () => {
      await answered;
      return new Response(JSON.stringify(handMade()), { headers: { 'content-type': 'application/json' } });
    });
    const el = await mount((e) => (e.src = '/api/explain.json'));
    expect($(el, '[part~="base"]')?.getAttribute('aria-busy')).toBe('true');
    expect($$(el, '.bone').length).toBeGreaterThan(4);
    expect(text($(el, '[role="status"]'))).toBe('Loading…');
    await expectNoAxeViolations(el);
    release();
    await vi.waitFor(() => expect(bodyRows(el)).toHaveLength(2));
    expect($(el, '[part~="base"]')?.hasAttribute('aria-busy')).toBe(false);
  });

  it('shows an error with Retry when src fails, and the list once Retry succeeds', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const src = await serveInTurn([{ status: 500, body: '' }, json(handMade())]);
    routes.push(src);
    const reasons: string[] = [];
    const el = await mount((e) => {
      e.addEventListener('cs-data-error', (event) => reasons.push(event.detail.reason));
      e.src = src;
    });
    await vi.waitFor(() => expect(text($(el, '[part~="state"]'))).toBe('Could not load the data'));
    expect($(el, '[role="alert"]')).not.toBeNull();
    expect(reasons).toEqual([expect.stringContaining('500')]);
    await expectNoAxeViolations(el);
    const retry = $<HTMLButtonElement>(el, '[part~="retry"]');
    retry?.focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(bodyRows(el)).toHaveLength(2));
  });

  it.each([
    [{ ...handMade(), version: 2 }, 'unsupported explanation version 2'],
    [{ ...handMade(), currency: 'usd' }, 'explanation.currency "usd" is not an ISO 4217 currency code'],
    [
      { ...handMade(), customers: [{ customerId: 'a', previousMrr: 1, mrr: 0, amount: '1' }] },
      'explanation.customers[0].amount is not a number',
    ],
    [{ ...handMadeRate(), rate: 'arr' }, 'explanation.rate "arr" is not one of logoChurnRate, grossMrrChurnRate'],
    [{ ...handMadeRate(), denominator: '300' }, 'explanation.denominator is not a number'],
    [
      {
        ...handMadeRate(),
        movements: [{ month: '2024-03', movement: 'churn', mrr: 1, customers: [{ customerId: '' }] }],
      },
      'explanation.movements[0].customers[0].customerId is not a non-empty string',
    ],
  ])('names the field of invalid data (%#)', async (data, reason) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reasons: string[] = [];
    const el = await mount((e) => {
      e.addEventListener('cs-data-error', (event) => reasons.push(event.detail.reason));
      e.data = data as unknown as MovementExplanationInput;
    });
    // A rate's own fields are checked once its view has loaded: wait for it.
    await vi.waitFor(() => expect(text($(el, '[part~="state"]'))).toBe('The data could not be read'));
    expect(reasons).toEqual([expect.stringContaining(reason)]);
  });
});

describe('<cs-customer-list> locales and theme', () => {
  it.each([
    ['es', 'Bajas en marzo de 2024', 'Anterior'],
    ['pl', 'Odejścia: marzec 2024', 'Poprzednia'],
    ['bg', 'Отпаднали: март 2024 г.', 'Предишна'],
    ['zh-CN', '2024年3月流失', '上一页'],
  ])('speaks %s', async (lang, heading, previous) => {
    const el = await mount(
      (e) => {
        e.data = handMade();
        e.pageSize = 1;
      },
      640,
      lang,
    );
    expect(text($(el, '[part~="heading"]'))).toBe(heading);
    expect(text($(el, '[part~="previous"]'))).toBe(previous);
    await expectNoAxeViolations(el);
  });

  it('translates every string into every language', async () => {
    const english = customerListMessages.en;
    for (const language of supportedLanguages.filter((l) => l !== 'en')) {
      await loadTranslations(language);
      const m = pickMessages(customerListMessages, language);
      for (const key of ['customer', 'before', 'after', 'contribution', 'noCustomers', 'previous', 'next'] as const) {
        expect(m[key], `${language}.${key}`).not.toBe(english[key]);
      }
      const r = pickMessages(rateViewMessages, language);
      const rEnglish = rateViewMessages.en;
      for (const key of [
        'parts',
        'part',
        'amount',
        'numerator',
        'denominator',
        'churnedCustomers',
        'movement',
      ] as const) {
        expect(r[key], `${language}.${key}`).not.toBe(rEnglish[key]);
      }
      expect(Object.values(r.rates)).not.toEqual(Object.values(rEnglish.rates));
      expect(r.mrrIn('X')).not.toBe(rEnglish.mrrIn('X'));
      expect(r.customersIn('X')).not.toBe(rEnglish.customersIn('X'));
      expect(m.heading('X', 'Y')).not.toBe(english.heading('X', 'Y'));
      expect(m.total('X', 2)).not.toBe(english.total('X', 2));
      expect(Object.values(m.movements)).not.toEqual(Object.values(english.movements));
    }
  });

  it('follows theme="dark" with light text on a dark background, and passes axe', async () => {
    const light = await mount((e) => (e.data = handMade()));
    const dark = await mount((e) => {
      e.data = handMade();
      e.theme = 'dark';
    });
    const colours = (el: CsCustomerList) => {
      const base = $(el, '[part~="base"]');
      return base ? [getComputedStyle(base).backgroundColor, getComputedStyle(base).color] : [];
    };
    expect(colours(dark)).toEqual(['rgb(22, 27, 34)', 'rgb(230, 237, 243)']);
    expect(colours(light)).not.toEqual(colours(dark));
    await expectNoAxeViolations(dark);
  });
});

describe('<cs-customer-list> viewport', () => {
  it('fits a phone screen', async () => {
    await page.viewport(320, 640);
    const el = await mount((e) => (e.data = sampleExplanation(SAMPLE_CHURN_MONTH, 'churn')), 300);
    expect(findTextLayoutProblems(el)).toEqual([]);
    await page.viewport(1280, 900);
  });
});

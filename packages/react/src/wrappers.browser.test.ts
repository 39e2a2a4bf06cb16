import {
  analyseRevenue,
  buildReport,
  defaultHealthModel,
  explainMovement,
  healthReport,
  movementExplanationJson,
} from '@cskit/core';
import { sampleDataset } from '@cskit/core/sample';
import manifestJson from '@cskit/widgets/custom-elements.json' with { type: 'json' };
import { createElement, version, type ComponentType } from 'react';
import { flushSync, version as domVersion } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import * as wrappers from './index.js';

/** What the tests read of an element: its properties, and Lit's render promise. */
type Element = HTMLElement & { readonly updateComplete: Promise<boolean> } & Record<string, unknown>;
type Wrapper = ComponentType<Record<string, unknown>>;

interface Manifest {
  readonly modules: readonly {
    readonly declarations?: readonly { readonly tagName?: string; readonly events?: readonly { name: string }[] }[];
  }[];
}

/** Every element of @cskit/widgets and the events it documents (`@event`), from custom-elements.json. */
const elements = (manifestJson as Manifest).modules
  .flatMap((module) => module.declarations ?? [])
  .flatMap(({ tagName, events = [] }) => (tagName ? [{ tag: tagName, events: events.map((e) => e.name) }] : []));

/** `cs-churn-chart` → `ChurnChart`; `cs-point-select` → `CsPointSelect`. */
const pascal = (name: string) => name.replace(/(?:^|-)([a-z])/g, (_match, letter: string) => letter.toUpperCase());
const wrapperOf = (tag: string) => (wrappers as unknown as Record<string, Wrapper | undefined>)[pascal(tag.slice(3))];

const dataset = sampleDataset();
const report = buildReport(dataset, { currency: dataset.currency });
const health = healthReport(dataset, { timeZone: 'UTC', model: defaultHealthModel() });
const analysis = analyseRevenue(dataset, { currency: dataset.currency });
const churned = movementExplanationJson(analysis, explainMovement(analysis, '2025-03', 'churn'));
const customer = health.customers[0];
if (!customer) throw new Error('the sample company has no customers');

/** Props that draw each element from the sample company. */
const sampleProps: Readonly<Record<string, Record<string, unknown>>> = {
  'cs-kpi': { label: 'MRR', metric: 'mrr', data: report },
  'cs-health-card': { customerId: customer.customerId, data: health },
  'cs-cohort-heatmap': { label: 'Logo retention', data: report },
  'cs-churn-chart': { label: 'Churn', data: report },
  'cs-nps-trend': { label: 'NPS', data: report },
  'cs-mrr-bridge': { label: 'MRR bridge', data: report },
  'cs-customer-list': { label: 'Churned in March 2025', data: churned },
};

const roots: Root[] = [];

/** Renders `Wrapper` with react-dom/client into the page and returns the element it rendered. */
async function render(Wrapper: Wrapper, props: Record<string, unknown>): Promise<Element> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  // Synchronous, layout effects included: @lit/react sets the properties in a layout effect.
  flushSync(() => root.render(createElement(Wrapper, props)));
  const el = container.firstElementChild as Element;
  await el.updateComplete;
  return el;
}

afterEach(() => {
  for (const root of roots.splice(0)) root.unmount();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major version this project renders with (vitest.config.ts). */
    reactMajor: number;
  }
}

describe(`@cskit/react in the browser, React ${version}`, () => {
  it('runs the React its project asks for', () => {
    expect(version.split('.')[0]).toBe(String(inject('reactMajor')));
    expect(domVersion).toBe(version);
  });

  it('has a wrapper for every element, named after its tag', () => {
    expect(elements.map(({ tag }) => tag).sort()).toEqual(Object.keys(sampleProps).sort());
    for (const { tag } of elements) expect(wrapperOf(tag), tag).toBeTypeOf('object');
  });

  it.each(elements)('<$tag>: draws the sample company from properties, not attribute strings', async ({ tag }) => {
    const Wrapper = wrapperOf(tag) as Wrapper;
    const props = sampleProps[tag] ?? {};
    const errors = vi.fn();
    const el = await render(Wrapper, { ...props, id: 'widget', className: 'portal-card', onCsDataError: errors });

    // Importing the wrapper registered the element: it is the class of @cskit/widgets, upgraded.
    expect(el.localName).toBe(tag);
    expect(el).toBeInstanceOf(customElements.get(tag) as CustomElementConstructor);
    for (const [name, value] of Object.entries(props)) expect(el[name], name).toBe(value);
    expect(el.hasAttribute('data')).toBe(false);
    // Props the element does not have stay attributes.
    expect(el.id).toBe('widget');
    expect(el.className).toBe('portal-card');
    // It drew the data: no error, and none of the loading, empty or error states (all of class "state").
    expect(errors).not.toHaveBeenCalled();
    expect(el.shadowRoot?.childElementCount).toBeGreaterThan(0);
    expect(el.shadowRoot?.querySelector('.state')).toBeNull();
  });

  it.each(elements)('<$tag>: onCsDataError receives cs-data-error when the data is invalid', async ({ tag }) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onCsDataError = vi.fn<(event: CustomEvent<{ reason: string }>) => void>();
    const el = await render(wrapperOf(tag) as Wrapper, { ...sampleProps[tag], data: 42, onCsDataError });
    expect(onCsDataError).toHaveBeenCalledTimes(1);
    const [event] = onCsDataError.mock.calls[0] ?? [];
    expect(event?.type).toBe('cs-data-error');
    expect(event?.target).toBe(el);
    expect(event?.detail.reason).toContain('data is not an object');
  });

  it('onCsPointSelect receives the month a user clicks on the churn chart', async () => {
    const onCsPointSelect = vi.fn<(event: CustomEvent<wrappers.PointSelectDetail>) => void>();
    const el = await render(wrappers.ChurnChart as Wrapper, { ...sampleProps['cs-churn-chart'], onCsPointSelect });
    const plot = el.shadowRoot?.querySelector<HTMLElement>('[part="plot"]');
    if (!plot) throw new Error('the churn chart drew no plot');
    const box = plot.getBoundingClientRect();
    // The right edge of the plot is the last month of the report.
    await userEvent.click(plot, { position: { x: box.width - 2, y: box.height / 2 } });
    expect(onCsPointSelect).toHaveBeenCalledTimes(1);
    expect(onCsPointSelect.mock.calls[0]?.[0].detail.period).toBe(report.months.at(-1)?.month);
  });

  it('onCsCellSelect receives the cell a user clicks on the cohort heatmap', async () => {
    const onCsCellSelect = vi.fn<(event: CustomEvent<wrappers.CohortCellSelectDetail>) => void>();
    const el = await render(wrappers.CohortHeatmap as Wrapper, {
      ...sampleProps['cs-cohort-heatmap'],
      onCsCellSelect,
    });
    const cell = el.shadowRoot?.querySelector<HTMLElement>('td[data-row="0"][data-col="0"]');
    if (!cell) throw new Error('the heatmap drew no cell');
    await userEvent.click(cell);
    expect(onCsCellSelect).toHaveBeenCalledTimes(1);
    expect(onCsCellSelect.mock.calls[0]?.[0].detail).toMatchObject({ cohort: report.cohorts?.[0]?.cohort, age: 0 });
  });

  // The built @cskit/widgets as a bundler or a CDN serves it: the export code is a module of its own that
  // the element imports on first use, and it must be there and load.
  it('export: onCsExport receives the CSV the menu makes, and exportImage draws a PNG, from the built package', async () => {
    const onCsExport = vi.fn<(event: CustomEvent<wrappers.ExportDetail>) => void>((event) => event.preventDefault());
    const el = await render(wrappers.ChurnChart as Wrapper, {
      ...sampleProps['cs-churn-chart'],
      export: true,
      onCsExport,
    });
    await vi.waitFor(() => expect(el.shadowRoot?.querySelector('svg[part="svg"]')).not.toBeNull());
    el.shadowRoot?.querySelector<HTMLElement>('[part~="export-toggle"]')?.click();
    await el.updateComplete;
    el.shadowRoot?.querySelector<HTMLElement>('[part~="export-item"]')?.click();
    await vi.waitFor(() => expect(onCsExport).toHaveBeenCalledTimes(1));
    const detail = onCsExport.mock.calls[0]?.[0].detail;
    expect(detail?.filename).toBe('Churn.csv');
    const csv = await (el as unknown as { exportData(format: 'csv'): Promise<string> }).exportData('csv');
    expect(csv.split('\r\n')[0]).toBe('Period,Logo churn,Gross MRR churn,Net MRR churn,Churned customers,Churned MRR');
    // One row per month of the report, its logo churn rate written raw.
    const first = report.months[0];
    expect(csv.split('\r\n')[1]?.split(',').slice(0, 2)).toEqual([first?.month, String(first?.logoChurnRate ?? '')]);
    const png = await (el as unknown as { exportImage(format: 'png'): Promise<Blob> }).exportImage('png');
    const bitmap = await createImageBitmap(png);
    const svg = el.shadowRoot?.querySelector('svg[part="svg"]')?.getBoundingClientRect();
    expect([bitmap.width, bitmap.height]).toEqual([
      Math.round(Math.round(svg?.width ?? 0) * devicePixelRatio),
      Math.round(Math.round(svg?.height ?? 0) * devicePixelRatio),
    ]);
  });

  // A new event documented with @event must not be forgotten in its wrapper.
  it.each(elements.flatMap(({ tag, events }) => events.map((event) => ({ tag, event, prop: `on${pascal(event)}` }))))(
    '<$tag>: $prop receives every $event',
    async ({ tag, event: name, prop }) => {
      const handler = vi.fn();
      const el = await render(wrapperOf(tag) as Wrapper, { ...sampleProps[tag], [prop]: handler });
      const event = new CustomEvent(name, { detail: { from: 'test' }, bubbles: true, composed: true });
      el.dispatchEvent(event);
      expect(handler).toHaveBeenCalledExactlyOnceWith(event);
    },
  );
});

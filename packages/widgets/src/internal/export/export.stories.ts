import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { createSample, elementSamples } from '../../test-support/element-samples.js';

/*
 * The export menu (`export` attribute) on every element: "Export" opens CSV, and SVG and PNG for the
 * elements that draw a chart. Each story opens the menu in its play function, so the a11y check and
 * the layout checks see it open. The elements' own data is small and hand-written
 * (test-support/element-samples.ts).
 */

interface ExportArgs {
  readonly tag: string;
  readonly width: number;
}

const meta: Meta<ExportArgs> = {
  title: 'Widgets/Export',
  args: { width: 640 },
  argTypes: { width: { control: { type: 'range', min: 280, max: 1200, step: 10 } } },
  render: (args) => {
    const sample = elementSamples.find((s) => s.tag === args.tag);
    if (!sample) throw new Error(`no sample of ${args.tag}`);
    const el = createSample(sample);
    el.setAttribute('export', '');
    el.data = sample.data();
    return html`<div style="max-width: ${args.width}px">${el}</div>`;
  },
  play: async ({ canvasElement, args }) => {
    const el = canvasElement.querySelector(args.tag);
    const toggle = await waitFor(() => {
      const found = el?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="export-toggle"]');
      if (!found) throw new Error(`<${args.tag}> shows no export menu yet`);
      return found;
    });
    toggle.click();
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
    const items = [...(el?.shadowRoot?.querySelectorAll('[part~="export-item"]') ?? [])].map((b) =>
      b.textContent?.trim(),
    );
    const draws = !['cs-health-card', 'cs-customer-list'].includes(args.tag);
    await expect(items).toEqual(draws ? ['CSV', 'SVG', 'PNG'] : ['CSV']);
  },
};
export default meta;

type Story = StoryObj<ExportArgs>;

export const Kpi: Story = { args: { tag: 'cs-kpi' } };
export const HealthCard: Story = { args: { tag: 'cs-health-card' } };
export const CohortHeatmap: Story = { args: { tag: 'cs-cohort-heatmap' } };
export const ChurnChart: Story = { args: { tag: 'cs-churn-chart' } };
export const NpsTrend: Story = { args: { tag: 'cs-nps-trend' } };
export const MrrBridge: Story = { args: { tag: 'cs-mrr-bridge' } };
export const CustomerList: Story = { args: { tag: 'cs-customer-list' } };
/** The menu open in a 280 px card: its buttons wrap in the controls row. */
export const ChurnChartNarrow: Story = { args: { tag: 'cs-churn-chart', width: 280 } };

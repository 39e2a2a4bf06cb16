import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../churn-chart/cs-churn-chart.js';
import '../../mrr-bridge/cs-mrr-bridge.js';
import '../../nps-trend/cs-nps-trend.js';
import { sampleReportJson } from '../../test-support/sample-churn.js';

type Chart = HTMLElement & { data: unknown; label: string; updateComplete: Promise<boolean> };

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mountEmpty(tag: string, width: number): Promise<Chart> {
  const el = document.createElement(tag) as Chart;
  el.style.width = `${width}px`;
  el.label = 'Sample company';
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

const drawn = (el: Chart): boolean => el.shadowRoot?.querySelector('.plot > svg') !== null;
const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

describe('chart layout while data arrives', () => {
  for (const tag of ['cs-churn-chart', 'cs-nps-trend', 'cs-mrr-bridge']) {
    for (const width of [280, 400, 640, 1200]) {
      it(`<${tag}> at ${width} px keeps its height when the sample company's report arrives`, async () => {
        const el = await mountEmpty(tag, width);
        await nextFrame();
        const before = el.getBoundingClientRect().height;
        el.data = sampleReportJson();
        await expect.poll(() => drawn(el)).toBe(true);
        await nextFrame();
        expect(el.getBoundingClientRect().height).toBe(before);
      });
    }
  }

  it('keeps every legend button reachable by keyboard when the legend is wider than the chart', async () => {
    const el = await mountEmpty('cs-churn-chart', 280);
    el.data = sampleReportJson();
    await expect.poll(() => drawn(el)).toBe(true);
    const controls = el.shadowRoot?.querySelector('.controls') as HTMLElement;
    expect(controls.scrollWidth).toBeGreaterThan(controls.clientWidth);
    const buttons = [...controls.querySelectorAll('button')];
    const last = buttons.at(-1) as HTMLButtonElement;
    buttons[0]?.focus();
    for (let i = 1; i < buttons.length; i++) await userEvent.keyboard('{Tab}');
    expect(el.shadowRoot?.activeElement).toBe(last);
    // Focus scrolls the row until the focused button shows.
    await expect
      .poll(() => last.getBoundingClientRect().right - controls.getBoundingClientRect().right)
      .toBeLessThanOrEqual(0.5);
  });
});

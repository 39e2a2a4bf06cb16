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

  it('wraps a legend wider than the chart, keeping every button in view and reachable by keyboard', async () => {
    const el = await mountEmpty('cs-churn-chart', 280);
    el.data = sampleReportJson();
    await expect.poll(() => drawn(el)).toBe(true);
    const controls = el.shadowRoot?.querySelector('.controls') as HTMLElement;
    expect(controls.scrollWidth).toBeLessThanOrEqual(controls.clientWidth);
    const box = controls.getBoundingClientRect();
    const buttons = [...controls.querySelectorAll('button')];
    for (const button of buttons) {
      const r = button.getBoundingClientRect();
      expect(r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5).toBe(true);
    }
    const last = buttons.at(-1) as HTMLButtonElement;
    buttons[0]?.focus();
    for (let i = 1; i < buttons.length; i++) await userEvent.keyboard('{Tab}');
    expect(el.shadowRoot?.activeElement).toBe(last);
  });
});

import { afterEach, expect, it, vi } from 'vitest';
import { CsChurnChart } from '../../churn-chart/churn-chart.js';
import { sampleReportJson } from '../../test-support/sample-churn.js';

/** A chart whose drawing breaks after its data passed validation: what the base class must survive. */
class BrokenSummaryChart extends CsChurnChart {
  broken = true;
  protected override summaryFor(...args: Parameters<CsChurnChart['summaryFor']>): string {
    if (this.broken) throw new RangeError('summary exploded');
    return super.summaryFor(...args);
  }
}
customElements.define('test-broken-summary-chart', BrokenSummaryChart);

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

it('shows the error state, logs once and fires cs-data-error when drawing throws, then recovers', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent): void => {
    rejections.push(event.reason);
  };
  window.addEventListener('unhandledrejection', onRejection);
  const reasons: string[] = [];
  const el = document.createElement('test-broken-summary-chart') as BrokenSummaryChart;
  el.label = 'Churn';
  el.addEventListener('cs-data-error', (event) =>
    reasons.push((event as CustomEvent<{ reason: string }>).detail.reason),
  );
  el.data = sampleReportJson();
  document.body.append(el);
  await expect
    .poll(() => el.shadowRoot?.querySelector('[part="state"]')?.textContent?.trim())
    .toBe('The data could not be read');
  el.requestUpdate();
  await el.updateComplete;
  expect(reasons).toEqual(['summary exploded']);
  expect(logged).toHaveBeenCalledTimes(1);
  expect(String(logged.mock.calls[0]?.[0])).toContain('summary exploded');

  el.broken = false;
  el.data = sampleReportJson();
  await expect.poll(() => el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 0));
  window.removeEventListener('unhandledrejection', onRejection);
  expect(rejections).toEqual([]);
});

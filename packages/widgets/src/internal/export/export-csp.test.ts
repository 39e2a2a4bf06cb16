import { beforeAll, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import '../../churn-chart/cs-churn-chart.js';
import { createSample, elementSamples } from '../../test-support/element-samples.js';

/*
 * Export under a strict Content-Security-Policy (see csp.test.ts for why the policy lives in this file
 * alone). The SVG copies computed styles as presentation attributes, never a `style="…"`, so it needs
 * nothing; the PNG decodes that SVG from a `blob:` URL, which needs `img-src blob:`.
 */
const violations: string[] = [];

function addPolicy(policy: string): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.append(meta);
}

beforeAll(async () => {
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
  });
  addPolicy("style-src 'self'; script-src 'self'; img-src 'self' blob:");
  await page.viewport(1280, 900);
});

type Exporting = HTMLElement & { data?: unknown; exportImage(format: 'svg' | 'png'): Promise<Blob> };

async function drawnChurnChart(): Promise<Exporting> {
  const sample = elementSamples.find((s) => s.tag === 'cs-churn-chart');
  if (!sample) throw new Error('no churn chart sample');
  const el = createSample(sample) as Exporting;
  el.data = sample.data();
  document.body.append(el);
  await vi.waitFor(() => expect(el.shadowRoot?.querySelector('.plot > svg')).not.toBeNull());
  return el;
}

/** Violations are reported asynchronously: give them a couple of frames to arrive. */
const settle = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('export under a strict CSP', () => {
  it("exports SVG and PNG with img-src 'self' blob: and no violation", async () => {
    const el = await drawnChurnChart();
    const svg = await el.exportImage('svg');
    expect(await svg.text()).not.toMatch(/\sstyle=/);
    const png = await createImageBitmap(await el.exportImage('png'));
    expect(png.width).toBeGreaterThan(0);
    await settle();
    expect(violations).toEqual([]);
  });

  it('says what to allow when the policy blocks blob: images, and still exports SVG', async () => {
    // A second policy narrows the first: both apply, so blob: images are now blocked.
    addPolicy("img-src 'self'");
    const el = await drawnChurnChart();
    await expect(el.exportImage('png')).rejects.toThrow('allow img-src blob:');
    expect((await el.exportImage('svg')).size).toBeGreaterThan(0);
    await vi.waitFor(() => expect(violations).toEqual([expect.stringMatching(/^img-src blocked blob/)]));
  });
});

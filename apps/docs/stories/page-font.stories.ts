import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';

/**
 * Not a page of the docs (hidden from the sidebar): a test that the preview gives the stories a sans-serif
 * page font (.storybook/preview-head.html). The elements inherit the page's font, so without it every
 * story showed them in the browser's default serif.
 */
const meta: Meta = {
  title: 'Checks/Page font',
  tags: ['!dev', '!autodocs'],
  render: () => html`<p>The elements inherit this font.</p>`,
};

export default meta;

export const SansSerif: StoryObj = {
  play: async ({ canvasElement }) => {
    const families = getComputedStyle(canvasElement)
      .fontFamily.split(',')
      .map((family) => family.trim());
    await expect(families[0]).toBe('system-ui');
    await expect(families.at(-1)).toBe('sans-serif');
    await expect(families).not.toContain('serif');
  },
};

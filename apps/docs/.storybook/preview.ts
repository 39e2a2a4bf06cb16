import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '@cskit/widgets/custom-elements.json' with { type: 'json' };

// The manifest generated from the elements' JSDoc feeds the Controls and API tables.
setCustomElementsManifest(manifest);

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    controls: { expanded: true },
    // An accessibility violation fails the story's test, not just a warning in the panel.
    a11y: { test: 'error' },
    options: {
      storySort: {
        order: ['Introduction', 'Guides', ['Getting started'], 'Metrics', ['All definitions'], 'Widgets'],
      },
    },
  },
  tags: ['autodocs'],
};

export default preview;

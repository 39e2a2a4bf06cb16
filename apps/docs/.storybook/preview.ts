import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '@cskit/widgets/custom-elements.json' with { type: 'json' };
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { publicApi } from './public-api.js';

// The manifest generated from the elements' JSDoc feeds the Controls and API tables: their public API.
setCustomElementsManifest(publicApi(manifest));

/** Rows the API table documents but a story cannot set through its args: no control beside them. */
const DOCUMENTATION_ONLY = new Set(['events', 'slots', 'css custom properties', 'css shadow parts']);

const noControlsForDocumentationRows: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => [
      name,
      DOCUMENTATION_ONLY.has(String(argType.table?.category)) ? { ...argType, control: false } : argType,
    ]),
  );

const preview: Preview = {
  argTypesEnhancers: [noControlsForDocumentationRows],
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

import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '@cskit/widgets/custom-elements.json' with { type: 'json' };
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { publicApi } from './public-api.js';
import { preloadLocale, supportedLanguages } from '../../../packages/widgets/src/locales.js';

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

/**
 * Loads every language's strings before a story renders, as an app that knows its languages does with
 * `preloadLocale`: a story in Polish shows Polish at once, and the built site's checks (no English in
 * another language, text layout) read its words rather than the skeleton an element shows while its
 * language loads. How a language loads on first use is tested in packages/widgets (locales.test.ts).
 */
async function everyLanguage(): Promise<Record<string, never>> {
  await Promise.all(supportedLanguages.map((language) => preloadLocale(language)));
  return {};
}

const preview: Preview = {
  argTypesEnhancers: [noControlsForDocumentationRows],
  loaders: [mswLoader(), everyLanguage],
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

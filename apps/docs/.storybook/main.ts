import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  // Element stories live beside their element (packages/widgets/src/<element>/); guides live here.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts', '../../../packages/widgets/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};

export default config;

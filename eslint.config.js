import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/storybook-static/**',
      '**/.turbo/**',
      '**/custom-elements.json',
      'apps/docs/public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Published code uses named exports only: they tree-shake and keep one name per thing.
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (see docs/contributing.md).' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Relative imports must name the emitted file, as Node's ESM resolution requires.
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.{1,2}/.*(?<!\\.m?js|\\.json|\\.css)$', message: 'Relative imports end in .js.' }] },
      ],
    },
  },
  {
    // Core is pure: no host-local dates. Months and days come from src/time.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['getMonth', 'getDate', 'getFullYear', 'getDay', 'getHours', 'setMonth', 'setDate', 'setFullYear'].map(
          (property) => ({ property, message: 'Host-local Date getters are banned in core; use src/time.' }),
        ),
      ],
    },
  },
  {
    files: ['packages/widgets/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    ...lit.configs['flat/recommended'],
  },
  { files: ['packages/widgets/src/**/*.ts'], ...wc.configs['flat/recommended'] },
  { files: ['packages/widgets/src/**/*.ts'], ...litA11y.configs.recommended },
  {
    // Benchmarks drive a browser page and build throwaway fixtures: page code sees browser globals.
    files: ['packages/*/bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Tools require default exports from their config files and stories.
    files: ['**/*.config.{ts,js,mjs}', '**/.storybook/**', '**/*.stories.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);

import { expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { WIDGETS_VERSION } from './version.js';

// `changeset version` bumps package.json only; `pnpm release` runs scripts/sync-version.mjs to catch up.
it('WIDGETS_VERSION is the version in package.json', () => {
  expect(WIDGETS_VERSION).toBe(pkg.version);
});

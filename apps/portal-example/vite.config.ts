import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { builtPackagesOnly } from './vite/built-packages-only.js';
import { portalFrame } from './vite/portal-frame.js';
import { PORTAL_PAGES } from './src/server/portal-pages.js';

const pages = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src/pages');

// The portal's pages, built as a user's app would build them: the cskit packages resolve through their
// `exports` to the built `dist` files, never to sources. The backend (src/server) serves the output.
export default defineConfig({
  root: pages,
  // The pages ship no inline script or style (the portal's CSP allows neither), and the built-in
  // module-preload polyfill is not needed by the browsers the elements support.
  build: {
    outDir: path.join(pages, '../../dist/pages'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: PORTAL_PAGES.map((page) => path.join(pages, page.file)),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [portalFrame(), builtPackagesOnly()],
});

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCompany } from './company-data.js';
import { portalApi } from './portal-api.js';
import { createPortalServer, listen } from './portal-server.js';

// `node dist/server/main.js [--port 5180] [--data ./exports]`: the sample company unless a folder of
// canonical CSV files is given.
// (`pnpm start -- --port 5180` passes the `--` on: it is dropped.)
const args = process.argv.slice(2);
const { values } = parseArgs({
  args: args[0] === '--' ? args.slice(1) : args,
  options: { port: { type: 'string' }, data: { type: 'string' } },
});
const port = Number(values.port ?? process.env.PORT ?? 5180);
const company = await readCompany(
  values.data === undefined ? { kind: 'sample' } : { kind: 'folder', dir: values.data },
);
const pagesDir = fileURLToPath(new URL('../pages', import.meta.url));
const api = portalApi(company);
// Computed before the first visitor, who would otherwise wait for them.
api.report();
api.health();
const server = createPortalServer({ api, pagesDir });
const url = await listen(server, port);
console.log(`The portal is at ${url} (React page: ${url}react). Ctrl+C stops it.`);

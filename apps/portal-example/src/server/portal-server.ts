import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SECURITY_HEADERS } from './content-security-policy.js';
import { ApiError, type PortalApi } from './portal-api.js';
import { sendPage } from './static-pages.js';

/** What the server needs: the API over the company's data, and the folder of the built pages. */
export interface PortalServerOptions {
  readonly api: PortalApi;
  readonly pagesDir: string;
}

/**
 * The portal's backend: `GET /api/report.json`, `/api/health.json` and
 * `/api/explain.json?month=YYYY-MM&movement=churn` (the JSON of `cskit report`, `health` and
 * `explain`), and the built pages, every response under the portal's Content-Security-Policy.
 */
export function createPortalServer(options: PortalServerOptions): Server {
  const root = path.resolve(options.pagesDir);
  return createServer((request, response) => {
    handle(request, response, options.api, root).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error' });
      else response.destroy();
    });
  });
}

/** Starts the server on `host`:`port` (0: a free port) and resolves with its address. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}/`;
}

async function handle(request: IncomingMessage, response: ServerResponse, api: PortalApi, root: string) {
  const url = new URL(request.url ?? '/', 'http://portal.invalid');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendJson(response, 405, { error: 'Only GET' });
    return;
  }
  try {
    switch (url.pathname) {
      case '/api/report.json':
        sendJson(response, 200, api.report());
        return;
      case '/api/health.json':
        sendJson(response, 200, api.health());
        return;
      case '/api/explain.json':
        sendJson(
          response,
          200,
          api.explain(url.searchParams.get('month') ?? '', url.searchParams.get('movement') ?? 'churn'),
        );
        return;
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendJson(response, error.status, { error: error.message });
    return;
  }
  if (!(await sendPage(root, url.pathname, response))) sendJson(response, 404, { error: 'Not found' });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache',
  });
  response.end(text);
}

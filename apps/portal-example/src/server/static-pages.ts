import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { SECURITY_HEADERS } from './content-security-policy.js';
import { PORTAL_PAGES } from './portal-pages.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** The built file of each page's address. */
const PAGES = new Map(PORTAL_PAGES.map((page) => [page.href, page.file]));

/**
 * Sends the built file for `pathname` from `root` (Vite's output), or returns false when there is
 * none. Only files inside `root` with a known type are served; hashed assets are cached for good.
 */
export async function sendPage(root: string, pathname: string, response: ServerResponse): Promise<boolean> {
  const relative = PAGES.get(pathname) ?? pathname.slice(1);
  const file = path.resolve(root, relative);
  const type = CONTENT_TYPES[path.extname(file)];
  // A path that climbs out of root (`/../`, encoded or not) or names an unknown type is not a page.
  if (type === undefined || !file.startsWith(root + path.sep)) return false;
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) return false;
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': found.size,
    'cache-control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(response);
  return true;
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Session } from 'chdb';

/** A loopback HTTP server answering as a ClickHouse server would, with queries run by chDB. */
export interface ChdbHttpServer {
  /** `http://127.0.0.1:<port>`, for `@clickhouse/client`'s `url` (and `cskit report --db`). */
  readonly url: string;
  close(): Promise<void>;
}

// `@clickhouse/client` appends ` \nFORMAT <format>` to every query() (client-common formatQuery).
const TRAILING_FORMAT = /\s+FORMAT\s+(\w+)\s*;?\s*$/i;

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(request: IncomingMessage, response: ServerResponse, status: number, body: string, format?: string) {
  const gzip =
    new URL(request.url ?? '/', 'http://x').searchParams.get('enable_http_compression') === '1' &&
    /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=UTF-8');
  if (format !== undefined) response.setHeader('X-ClickHouse-Format', format);
  response.setHeader('X-ClickHouse-Summary', '{}');
  if (gzip) response.setHeader('Content-Encoding', 'gzip');
  response.end(gzip ? gzipSync(body) : body);
}

/**
 * Test support only: the part of ClickHouse's HTTP interface that `@clickhouse/client` uses for
 * `query()`, `exec()`, `command()` and `ping()`, answered by an embedded ClickHouse engine (chDB):
 * `GET /ping`; a query in the POST body or in the `query` parameter, with its trailing `FORMAT x`
 * passed to chDB as the output format (default TabSeparated); gzip when the client asks with
 * `enable_http_compression=1`; a failure as status 500 with ClickHouse's own `Code: N. DB::Exception:
 * … (NAME)` text and `X-ClickHouse-Exception-Code`, which the client turns into a ClickHouseError.
 * Not covered: other settings and query parameters (ignored: one chDB session holds the tables),
 * authentication (accepted as is), inserts streamed in the body after the query, sessions, progress
 * headers and compressed requests.
 */
export async function startChdbHttpServer(session: Session): Promise<ChdbHttpServer> {
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname === '/ping') return answer(request, response, 200, 'Ok.\n');
      const text = `${url.searchParams.get('query') ?? ''}${request.method === 'POST' ? await bodyOf(request) : ''}`;
      const format = TRAILING_FORMAT.exec(text)?.[1] ?? 'TabSeparated';
      try {
        answer(request, response, 200, session.query(text.replace(TRAILING_FORMAT, ''), format), format);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const code = /Code: (\d+)/.exec(message)?.[1] ?? '1002';
        response.setHeader('X-ClickHouse-Exception-Code', code);
        answer(request, response, 500, message.replace(/^Query failed: /, ''));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/** Options of {@link serveHandlers}. */
export interface ServeHandlersOptions {
  /** Port to listen on (default 0: any free port). */
  readonly port?: number;
  /** Host to listen on (default `127.0.0.1`: loopback only). */
  readonly host?: string;
  /** Milliseconds to wait before answering each request, to make a sync slow enough to interrupt. */
  readonly delayMs?: number;
  /** Called with each request before it is answered (after the delay). */
  readonly onRequest?: (request: Request) => void;
}

/** A running mock server. */
export interface MockServer {
  /** Its origin, `http://127.0.0.1:PORT`: pass it as `--base-url`. */
  readonly url: string;
  /** Requests answered so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * Serves MSW handlers over real HTTP on loopback, so that another process (a `cskit sync` child
 * process, a script) can talk to them: `setupServer` only intercepts requests made inside the process
 * that calls it. Each request goes through MSW's own matching (`getResponse`), so the handlers behave
 * exactly as they do in-process. A request no handler answers gets a 404.
 *
 * `handlers` receives the server's origin, for handlers that match absolute URLs.
 */
export async function serveHandlers(
  handlers: (origin: string) => readonly RequestHandler[],
  options: ServeHandlersOptions = {},
): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  let active: readonly RequestHandler[] = [];
  let origin = '';
  let requests = 0;
  const server = createServer((incoming, outgoing) => {
    void answer(incoming, outgoing).catch(() => {
      // The client went away (a sync killed mid-request): nothing left to answer.
      outgoing.destroy();
    });
  });

  async function answer(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const body = await readBody(incoming);
    if (options.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    const method = incoming.method ?? 'GET';
    const request = new Request(new URL(incoming.url ?? '/', origin), {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
    });
    requests += 1;
    options.onRequest?.(request);
    const response = (await getResponse([...active], request)) ?? new Response('Not found', { status: 404 });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;
  active = handlers(origin);
  return {
    url: origin,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

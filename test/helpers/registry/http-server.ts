import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers a request; returns false to fall through to the next handler. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `127.0.0.1:PORT`, as a registry name's host. */
  hostPort: string;
  /** Every request seen: method, URL and the Authorization header's scheme (never its secret). */
  requests: { method: string; url: string; auth: string | undefined }[];
  close(): Promise<void>;
}

/** A local node:http server on a free port; handlers are tried in order, and a 404 ends the chain. */
export async function startHttpServer(...handlers: Handler[]): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', auth: req.headers.authorization?.split(' ')[0] });
    void (async () => {
      for (const h of handlers) if (await h(req, res)) return;
      sendJson(res, 404, { errors: [{ code: 'NOT_FOUND', message: 'no route' }] });
    })().catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: String(e) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Local HTTP servers for a test file, closed after each test: `const { serve, listen } = testServers();` at file
 * level, then `await serve((req, res) => …)` gives `http://127.0.0.1:PORT`; `listen(server)` does the same for a
 * server built by the test (a proxy with a `connect` handler, say).
 */
export function testServers(): { serve: (handler: Handler) => Promise<string>; listen: (server: Server) => Promise<string> } {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });
  const listen = async (server: Server): Promise<string> => {
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  return { serve: (handler) => listen(createServer(handler)), listen };
}

/**
 * An HTTP server on 127.0.0.1 whose every path is a hand-written handler, so a test can serve
 * feeds that misbehave in exactly one way. It counts hits and the bytes each path managed to send,
 * which shows whether the bot stopped reading a body that never ends.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, ctx: { base: string; count: (bytes: number) => void }) => void;

export interface RouteServer {
  readonly base: string;
  readonly port: number;
  url(path: string): string;
  route(path: string, handler: Handler): void;
  hits(path: string): number;
  bytesSent(path: string): number;
  /** Last request's headers per path (e.g. to see whether a GET was conditional). */
  lastHeaders(path: string): IncomingMessage['headers'] | undefined;
  close(): Promise<void>;
}

export async function startRouteServer(): Promise<RouteServer> {
  const routes = new Map<string, Handler>();
  const hits = new Map<string, number>();
  const bytes = new Map<string, number>();
  const headers = new Map<string, IncomingMessage['headers']>();
  const sockets = new Set<Socket>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    headers.set(path, req.headers);
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res, { base, count: (n) => void bytes.set(path, (bytes.get(path) ?? 0) + n) });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    port,
    url: (path) => `${base}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    hits: (path) => hits.get(path) ?? 0,
    bytesSent: (path) => bytes.get(path) ?? 0,
    lastHeaders: (path) => headers.get(path),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

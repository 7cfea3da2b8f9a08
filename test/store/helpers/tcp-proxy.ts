/**
 * A TCP proxy on 127.0.0.1 in front of a real server, that a test can stop (dropping every
 * connection, as when the server goes away) and start again on the same port, or stall (holding
 * every byte in both directions, as a server or network that hangs, then delivering them in order).
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export class TcpProxy {
  port = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly targetHost: string;
  private readonly targetPort: number;
  private stalled = false;
  private readonly held: Array<() => void> = [];
  /** Bytes that crossed the proxy, both ways: lets a test wait for traffic instead of sleeping. */
  bytes = 0;

  constructor(targetHost: string, targetPort: number) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      this.forward(client, upstream);
      this.forward(upstream, client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address !== null && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  /** Holds all traffic for `ms`, then lets it through in order; resolves when it flows again. */
  async stall(ms: number): Promise<void> {
    this.stalled = true;
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.stalled = false;
    for (const send of this.held.splice(0)) send();
  }

  private forward(from: Socket, to: Socket): void {
    from.on('data', (chunk: Buffer) => {
      const send = (): void => {
        this.bytes += chunk.length;
        if (!to.destroyed) to.write(chunk);
      };
      if (this.stalled) this.held.push(send);
      else send();
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A server that accepts connections and never answers: a backend that hangs. */
export async function startBlackHole(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

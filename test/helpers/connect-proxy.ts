/**
 * An HTTP CONNECT proxy on loopback, as a corporate proxy would be: Node's
 * fetch (with NODE_USE_ENV_PROXY=1 and HTTPS_PROXY) asks it for a tunnel to
 * `host:443`, and it tunnels every Yahoo host to the fake Yahoo's port, so
 * that name resolution, the TLS handshake and certificate checks all happen
 * as they would against the real hosts. It logs every CONNECT; a host it
 * refuses (by default anything not Yahoo's) gets 502 Bad Gateway, which is
 * what a proxy answers for a host it cannot resolve or reach.
 */
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxy {
  readonly port: number;
  /** `http://127.0.0.1:<port>`: what HTTPS_PROXY is set to. */
  readonly url: string;
  /** `host:port` of every CONNECT, in order. */
  readonly connects: string[];
  /** Requests that were not CONNECT (a client sending plain HTTP to the proxy), as `METHOD url`. */
  readonly plainRequests: string[];
  /** Which CONNECT targets get 502 instead of a tunnel. */
  refuse: (target: string) => boolean;
  /** Forget the log and go back to refusing only non-Yahoo hosts. */
  reset(): void;
  close(): Promise<void>;
}

export const refuseNonYahoo = (target: string): boolean => !/^([a-z0-9-]+\.)*yahoo\.com:443$/i.test(target);

export async function startConnectProxy(upstreamPort: number): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };

  const server = http.createServer((req, res) => {
    proxy.plainRequests.push(`${req.method} ${req.url}`);
    res.writeHead(405, { 'content-type': 'text/plain' }).end('this test proxy only tunnels (CONNECT)\n');
  });
  server.on('connection', track);

  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    proxy.connects.push(target);
    if (proxy.refuse(target)) {
      client.on('error', () => {});
      const body = `cannot reach ${target}\n`;
      client.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return;
    }
    const tunnel = net.connect({ host: '127.0.0.1', port: upstreamPort }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) tunnel.write(head);
      tunnel.pipe(client);
      client.pipe(tunnel);
    });
    track(tunnel);
    client.on('error', () => tunnel.destroy());
    // a reset on one side is passed on as a reset, so the client sees what Yahoo did
    tunnel.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET' && !client.destroyed) client.resetAndDestroy();
      else client.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const proxy: ConnectProxy = {
    port,
    url: `http://127.0.0.1:${port}`,
    connects: [],
    plainRequests: [],
    refuse: refuseNonYahoo,
    reset() {
      proxy.connects.length = 0;
      proxy.plainRequests.length = 0;
      proxy.refuse = refuseNonYahoo;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}

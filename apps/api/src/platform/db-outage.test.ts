import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrgTree, buildStaffUser, tokenFor } from '../test/factories.js';
import { createTestEnv, type TestEnv } from '../test/harness.js';

/** A TCP relay in front of PostgreSQL that can be cut and restored, like a database restart. */
class Relay {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  port = 0;
  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}
  async open(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/**
 * The server survives its database going away: while it is unreachable, requests answer 503 with
 * Retry-After (never hang, never crash the process); when it is back they succeed, no restart needed.
 */
describe.runIf(!!process.env.DATABASE_URL)('database outage (PostgreSQL)', () => {
  let env: TestEnv;
  let relay: Relay;
  let token: string;
  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    relay = new Relay(target.hostname, Number(target.port || 5432));
    await relay.open();
    env = await createTestEnv({
      wrapUrl: (url) => {
        const u = new URL(url);
        u.hostname = '127.0.0.1';
        u.port = String(relay.port);
        return u.toString();
      },
    });
    const tree = await buildOrgTree(env);
    token = await tokenFor(env, await buildStaffUser(env, { org: tree.county }));
  });
  afterAll(async () => {
    await env.close();
    await relay.cut();
  });

  it('answers 503 while the database is unreachable and recovers by itself', async () => {
    const me = () => env.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect((await me()).statusCode).toBe(200);
    const port = relay.port;
    await relay.cut();
    for (let i = 0; i < 3; i++) {
      const res = await me();
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('5');
    }
    expect((await env.app.inject('/api/ready')).statusCode).toBe(503);
    await relay.open(port);
    expect((await me()).statusCode).toBe(200);
    expect((await env.app.inject('/api/ready')).statusCode).toBe(200);
  });
});

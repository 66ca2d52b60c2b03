import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * What a listener hears on a channel (`LISTEN`/`NOTIFY`). `ready` says that messages from now on
 * arrive; `lost` that some may have been missed (the connection dropped) — a cache built on the
 * messages must forget everything then and stop trusting itself until the next `ready`.
 */
export interface ChannelHandlers {
  message(payload: string): void;
  ready(): void;
  lost(): void;
}

export interface Subscription {
  close(): Promise<void>;
}

/** The embedded engine is one connection in this process: its notifications arrive with the query that raised them. */
export async function listenPglite(
  client: PGlite,
  channel: string,
  handlers: ChannelHandlers,
): Promise<Subscription> {
  const unlisten = await client.listen(channel, (payload) => handlers.message(payload));
  handlers.ready();
  return {
    async close() {
      if (!client.closed) await unlisten();
    },
  };
}

/**
 * A dedicated server connection (not from the pool, which would hand it to other queries) that
 * listens on the channel and reconnects after losing the server, waiting a little longer each time.
 */
export function listenPostgres(url: string, channel: string, handlers: ChannelHandlers): Subscription {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let delay = 250;

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, application_name: 'unionhub-listen' });
    client = c;
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      handlers.lost();
      c.end().catch(() => undefined);
      if (!closed) {
        retry = setTimeout(connect, delay);
        retry.unref();
        delay = Math.min(delay * 2, 10_000);
      }
    };
    c.on('error', fail);
    c.on('end', fail);
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.message(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      delay = 250;
      handlers.ready();
    } catch {
      fail();
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        c.removeAllListeners('error');
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}

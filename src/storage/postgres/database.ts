// The one connection pool a process shares, opened at start: reached, migrated, or refused with one
// line naming DATABASE_URL. Also the listener that carries NOTIFY messages between replicas, which
// reconnects on its own and tells its subscribers to catch up on what they missed meanwhile.
import pg from 'pg';
import { STORAGE } from '../../config/defaults.js';
import type { Logger } from '../../logger.js';
import { DatabaseError } from '../storage.js';
import { migrate } from './migrations.js';


export interface DatabaseOptions {
  /** A schema of its own (created when missing), as tests use to stay apart; default: the server's search_path. */
  schema?: string;
  logger?: Logger;
}

export interface Notification {
  channel: string;
  payload: string;
}

type Subscriber = { onNotify: (payload: string) => void; onReconnect: () => void };

export class Database {
  readonly #subscribers = new Map<string, Subscriber[]>();
  #listener: pg.Client | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;
  #reconnecting = false;

  private constructor(
    readonly pool: pg.Pool,
    private readonly config: pg.ClientConfig,
    private readonly logger: Logger | undefined,
  ) {}

  /** Connects, creates the schema if asked, and applies pending migrations. */
  static async open(url: string, options: DatabaseOptions = {}): Promise<Database> {
    const config: pg.ClientConfig = {
      connectionString: url,
      connectionTimeoutMillis: STORAGE.connectTimeoutMs,
      ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    };
    const pool = new pg.Pool({ ...config, max: STORAGE.poolSize });
    // An idle client losing its server (a restart) must not crash the process: the next query reconnects.
    pool.on('error', (err) => options.logger?.warn({ err }, 'database connection lost; reconnecting on next use'));
    try {
      if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
      await migrate(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DatabaseError(`Database problem: DATABASE_URL ${describe(err)}. Check that PostgreSQL is running and DATABASE_URL in .env (see .env.example) is right.`, { cause: err });
    }
    return new Database(pool, config, options.logger);
  }

  /**
   * Calls `onNotify` with each NOTIFY on `channel`, and `onReconnect` after the listening connection
   * was lost and is back (messages sent meanwhile are gone: the subscriber reads what it missed).
   */
  async listen(channel: string, onNotify: (payload: string) => void, onReconnect: () => void): Promise<() => void> {
    const list = this.#subscribers.get(channel) ?? [];
    const subscriber = { onNotify, onReconnect };
    list.push(subscriber);
    this.#subscribers.set(channel, list);
    if (this.#listener) await this.#listener.query(`LISTEN ${quoteIdent(channel)}`);
    // While a reconnect is pending, it listens on every channel when it comes: no second connection.
    else if (!this.#reconnecting) await this.#connectListener();
    return () => {
      const rest = (this.#subscribers.get(channel) ?? []).filter((s) => s !== subscriber);
      this.#subscribers.set(channel, rest);
    };
  }

  /** A connection of its own, outside the pool, for work that must hold one session (an advisory lock). */
  newClient(): pg.Client {
    return new pg.Client({ ...this.config, keepAlive: true });
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  /** Why the database cannot take writes now, or undefined when it can. */
  async writeProblem(): Promise<string | undefined> {
    try {
      const { rows } = await this.pool.query<{ transaction_read_only: string }>('SHOW transaction_read_only');
      return rows[0]?.transaction_read_only === 'on' ? 'the database is read-only' : undefined;
    } catch (err) {
      return `the database cannot be reached (${describe(err)})`;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  /**
   * One listening connection at a time: a connection lost while it was still being set up ends
   * here (its LISTEN fails) and leaves the one reconnect to the caller, never a second listener.
   */
  async #connectListener(): Promise<void> {
    const client = new pg.Client({ ...this.config, keepAlive: true });
    client.on('notification', (message) => {
      for (const s of this.#subscribers.get(message.channel) ?? []) s.onNotify(message.payload ?? '');
    });
    let ready = false;
    const lost = (err?: Error) => {
      if (!ready || this.#listener !== client || this.#closed) return;
      this.#listener = undefined;
      this.logger?.warn({ err }, 'database listener lost; reconnecting');
      client.end().catch(() => undefined);
      this.#scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      for (const channel of this.#subscribers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    ready = true;
    this.#listener = client;
  }

  #scheduleReconnect(): void {
    if (this.#closed) return;
    clearTimeout(this.#retry);
    this.#reconnecting = true;
    this.#retry = setTimeout(() => {
      this.#connectListener().then(
        () => {
          this.#reconnecting = false;
          this.logger?.info('database listener back; catching up');
          for (const list of this.#subscribers.values()) for (const s of list) s.onReconnect();
        },
        () => this.#scheduleReconnect(),
      );
    }, STORAGE.reconnectMs);
    this.#retry.unref();
  }
}

/** A name as a quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** "ECONNREFUSED at 127.0.0.1:5432", "database \"x\" does not exist": one short line. */
export function describe(err: unknown): string {
  const e = err as (Error & { code?: string; errors?: Error[] }) | undefined;
  // A refused connection to a host with several addresses arrives as an AggregateError.
  const first = e?.errors?.[0] ?? e;
  const code = (first as { code?: string } | undefined)?.code;
  const message = first?.message || String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

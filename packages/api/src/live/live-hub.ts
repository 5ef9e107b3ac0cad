import { Client } from 'pg';
import type { Logger } from '../logger';
import { LIVE_CHANNEL, PUBLIC_DATA_CHANNEL, SESSION_END_CHANNEL } from './live-notify';

type TopicListener = () => void;
type SessionEndListener = (sessionId: string) => void;

/**
 * The process's ear on PostgreSQL: one connection of its own that LISTENs for live changes and
 * ended sessions and wakes the local listeners of a topic. Listeners always read what changed
 * from the database (from their own cursor), so a notification lost while the connection was
 * down costs nothing: after reconnecting, every topic is woken once to catch up.
 */
export class LiveHub {
  private client: Client | null = null;
  private readonly topics = new Map<string, Set<TopicListener>>();
  private readonly sessionEndListeners = new Set<SessionEndListener>();
  private readonly publicDataListeners = new Set<() => void>();
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'hub-api-live' });
    client.on('notification', (message) => {
      if (message.channel === PUBLIC_DATA_CHANNEL)
        for (const listener of this.publicDataListeners) listener();
      if (!message.payload) return;
      if (message.channel === LIVE_CHANNEL) this.wake(message.payload);
      else if (message.channel === SESSION_END_CHANNEL)
        for (const listener of this.sessionEndListeners) listener(message.payload);
    });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'live connection lost; reconnecting');
      this.drop(client);
    });
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      await client.query(`LISTEN ${SESSION_END_CHANNEL}`);
      await client.query(`LISTEN ${PUBLIC_DATA_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    // Writes announced while nobody listened are unknown: whatever depends on them starts afresh.
    for (const listener of this.publicDataListeners) listener();
  }

  /** True while this process hears announcements (a cache may only trust what it is told meanwhile). */
  get listening(): boolean {
    return this.client !== null;
  }

  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    for (const listener of this.publicDataListeners) listener();
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(async () => {
      this.retry = null;
      try {
        await this.connect();
        // Whatever was announced while nobody listened: every listener reads from its cursor.
        for (const topic of this.topics.keys()) this.wake(topic);
      } catch (error) {
        this.log.warn({ err: error }, 'live connection failed; trying again');
        this.scheduleReconnect();
      }
    }, 1000);
  }

  /** Calls `listener` whenever `topic` is announced; returns the function that stops it. */
  listen(topic: string, listener: TopicListener): () => void {
    let listeners = this.topics.get(topic);
    if (!listeners) {
      listeners = new Set();
      this.topics.set(topic, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.topics.delete(topic);
    };
  }

  /** Calls `listener` with the id of every session that ends (signed out, deactivated, purged). */
  onSessionEnd(listener: SessionEndListener): () => void {
    this.sessionEndListeners.add(listener);
    return () => this.sessionEndListeners.delete(listener);
  }

  /** Calls `listener` after every committed write of public data, and whenever announcements may have been missed. */
  onPublicDataChange(listener: () => void): () => void {
    this.publicDataListeners.add(listener);
    return () => this.publicDataListeners.delete(listener);
  }

  private wake(topic: string): void {
    for (const listener of this.topics.get(topic) ?? []) listener();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}

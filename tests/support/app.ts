import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Config, DatabaseLimits } from '../../packages/api/src/config';
import { loadConfig } from '../../packages/api/src/config';
import { QueryCounter } from '../../packages/api/src/db/query-counter';
import { logger } from '../../packages/api/src/logger';
import { createSession } from '../../packages/api/src/modules/auth/session.service';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { App } from '../../packages/api/src/server/app';
import { createApp } from '../../packages/api/src/server/app';
import type { TestDatabase } from './db';
import { createTestDatabase } from './db';

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
  /** SQL statements the request cost. */
  statements: string[];
  headers: Headers;
}

/** A browser-like client: keeps its cookies, sends the CSRF header. */
export class TestClient {
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly counter: QueryCounter,
    private readonly ip?: string,
  ) {}

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-hub-csrf': '1' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.ip) headers['x-forwarded-for'] = this.ip;
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair.split('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const body = (await response.json()) as { data?: T; errors?: GraphQLResult['errors'] };
    const requestId = response.headers.get('x-request-id') ?? '';
    return {
      status: response.status,
      ...body,
      statements: this.counter.statementsOf(requestId),
      headers: response.headers,
    };
  }
}

export interface TestApp {
  url: string;
  db: TestDatabase;
  dataSource: DataSource;
  app: App;
  config: Config;
  /** An anonymous client. */
  client(options?: { ip?: string }): TestClient;
  /** A client signed in as the user (a session is created directly, without the password). */
  as(user: User): Promise<TestClient>;
  close(): Promise<void>;
}

/**
 * Starts the real API on a random port against a fresh database of its own; `database` sets the
 * pool size (5 unless given) and timeouts.
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  database: Partial<DatabaseLimits> = {},
): Promise<TestApp> {
  const counter = new QueryCounter();
  const defaults = loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv);
  const limits = { ...defaults.database, poolSize: 5, ...database };
  const db = await createTestDatabase(counter, limits);
  const config: Config = {
    ...defaults,
    database: limits,
    databaseUrl: db.url,
    trustProxy: true,
    // Tests see every request executed (statement counts); tests/api/anonymous-cache.test.ts turns it on.
    anonymousCacheSeconds: 0,
    // Every query the suite sends runs compiled, as a repeated one does in production.
    compileQueriesFromRun: 1,
    ...overrides,
  };
  const app = await createApp({ config, dataSource: db.dataSource, log: logger, queryCounter: counter });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  config.publicUrl = url;
  return {
    url,
    db,
    dataSource: db.dataSource,
    app,
    config,
    client: (options) => new TestClient(url, counter, options?.ip),
    async as(user) {
      const { token } = await createSession(db.dataSource.manager, user.id);
      const client = new TestClient(url, counter);
      client.setCookie('hub_session', token);
      return client;
    },
    async close() {
      await app.stop();
      await db.drop();
    },
  };
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { ReadScope } from './read-replica';

/**
 * What the database layer knows about the code running now: whether it holds a pool connection
 * (connection-guard.ts) and the request's read scope (read-replica.ts). One AsyncLocalStorage for
 * both, because on Node 20 every active AsyncLocalStorage adds work to each promise created.
 */
export interface DatabaseContext {
  /** What holds a pool connection (a mutation's transaction). */
  holding?: string;
  read?: ReadScope;
}

const context = new AsyncLocalStorage<DatabaseContext>();

export function currentDatabaseContext(): DatabaseContext | undefined {
  return context.getStore();
}

/** Runs `work` with `changes` added to the current context. */
export function withDatabaseContext<T>(changes: DatabaseContext, work: () => T): T {
  return context.run({ ...context.getStore(), ...changes }, work);
}

import type { LiveHub } from './live-hub';

interface Remembered {
  value: Promise<unknown>;
  storedAt: number;
}

/**
 * Results computed from public data only (the network's figures: the same for every reader), kept
 * per process until any committed write of public data is announced (`hub_public_data`, heard through
 * the LiveHub) or `maxAgeMs` passes (figures "so far" move with the clock). A result computed while a
 * write was announced is not kept, nor anything while the LISTEN connection is down: a reader never
 * sees figures older than the last write this process heard of.
 */
export class PublicDataMemo {
  private readonly results = new Map<string, Remembered>();
  private generation = 0;

  constructor(
    private readonly hub: Pick<LiveHub, 'listening' | 'onPublicDataChange'>,
    private readonly maxAgeMs: number,
    private readonly maxEntries = 200,
  ) {
    hub.onPublicDataChange(() => this.clear());
  }

  clear(): void {
    this.generation++;
    this.results.clear();
  }

  /** The remembered result of `key`, or `compute()` (remembered if nothing changed meanwhile). */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const remembered = this.results.get(key);
    if (remembered && Date.now() - remembered.storedAt <= this.maxAgeMs)
      return remembered.value as Promise<T>;
    const generation = this.generation;
    const value = compute();
    const result = await value;
    if (generation === this.generation && this.hub.listening) {
      this.results.delete(key);
      this.results.set(key, { value, storedAt: Date.now() });
      while (this.results.size > this.maxEntries) {
        const oldest = this.results.keys().next().value;
        if (oldest === undefined) break;
        this.results.delete(oldest);
      }
    }
    return result;
  }
}

/** `compute()` through the request's memo when the process keeps one, else computed every time. */
export function rememberedPublicResult<T>(
  memo: PublicDataMemo | undefined,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  return memo ? memo.get(key, compute) : compute();
}

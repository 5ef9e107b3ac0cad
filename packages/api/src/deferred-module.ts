/**
 * Libraries the API needs only for some requests and jobs (Markdown, mail, YAML, the query
 * compiler): loaded on first use instead of on every start, where together they took about a
 * fifth of a second before the port could open, and all at once by `preloadDeferredModules` a few
 * seconds after the port opened (main.ts), so that later requests do not wait for them. `load` is
 * a plain require (cached after the first), which works alike under node, tsx and jest, and in the
 * bundle (scripts/build.mjs keeps all but graphql-jit outside it). pdfmake and exceljs, which take
 * up to a second, are loaded on first use only: see report.pdf.ts and spreadsheet.ts.
 */
const registered: (() => unknown)[] = [];

export function deferredModule<T>(load: () => T): () => T {
  let loaded: T | undefined;
  const get = () => {
    loaded ??= load();
    return loaded;
  };
  registered.push(get);
  return get;
}

/** Loads every deferred module not yet loaded, one per turn of the event loop (requests go between). */
export async function preloadDeferredModules(): Promise<void> {
  for (const get of registered) {
    await new Promise((resolve) => setImmediate(resolve));
    get();
  }
}

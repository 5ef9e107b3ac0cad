import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

/** What a filter holds: a text or choice, a yes/no, or several choices. */
type FilterValue = string | boolean | readonly string[];

/** The filters' types as the defaults give them, not their literal values (`false` → boolean). */
type Widened<Defaults> = {
  [Name in keyof Defaults]: Defaults[Name] extends boolean
    ? boolean
    : Defaults[Name] extends string
      ? string
      : readonly string[];
};

function parse<Filters extends Record<string, FilterValue>>(
  params: URLSearchParams,
  defaults: Filters,
): Filters {
  const filters: Record<string, FilterValue> = {};
  for (const [name, fallback] of Object.entries(defaults)) {
    if (Array.isArray(fallback)) filters[name] = params.has(name) ? params.getAll(name) : fallback;
    else if (typeof fallback === 'boolean')
      filters[name] = params.has(name) ? params.get(name) === '1' : fallback;
    else filters[name] = params.get(name) ?? fallback;
  }
  return filters as Filters;
}

function sameValue(a: FilterValue, b: FilterValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * A list page's applied filters, kept in the address (`?search=…&archived=1`), so Back, reload and a
 * shared link show the same list. Only values that differ from the defaults are written; other
 * parameters of the address are kept. Changing a filter replaces the history entry: Back leaves the
 * list instead of stepping through every filter change; the change renders at once (a clicked radio
 * shows checked immediately).
 */
export function useUrlFilters<Defaults extends Record<string, FilterValue>>(
  defaults: Defaults,
): [Widened<Defaults>, (changes: Partial<Widened<Defaults>>) => void] {
  type Filters = Widened<Defaults>;
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address (key) is what the filters are read from; defaults are constants of the page.
  const filters = useMemo(() => parse(params, defaults) as Filters, [key]);
  const apply = (changes: Partial<Filters>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes) as [string, FilterValue][]) {
          next.delete(name);
          if (sameValue(value, defaults[name] as FilterValue)) continue;
          if (Array.isArray(value)) for (const item of value) next.append(name, item);
          else if (typeof value === 'boolean') next.set(name, value ? '1' : '0');
          else next.set(name, value as string);
        }
        return next;
      },
      // flushSync: the router otherwise applies the new address in a transition, and until that
      // renders a controlled radio or checkbox shows its old state (under load, for a visible moment).
      { replace: true, flushSync: true },
    );
  };
  return [filters, apply];
}

/**
 * The editable copy of an applied filter (a search field's text before it is submitted): follows the
 * applied value when that changes from outside (Back, a reset, a link).
 */
export function useDraft<Value>(applied: Value): [Value, (value: Value) => void] {
  const [draft, setDraft] = useState(applied);
  const [seen, setSeen] = useState(applied);
  if (!Object.is(seen, applied)) {
    setSeen(applied);
    setDraft(applied);
  }
  return [draft, setDraft];
}

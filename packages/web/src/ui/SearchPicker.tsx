import { type ReactNode, useEffect, useState } from 'react';
import type { FormMessage } from './formErrors';
import { SelectField } from './SelectField';

const DEBOUNCE_MS = 250;

/** The search text once the person has stopped typing for a moment (so not every key sends a query). */
export function useDebouncedSearch(search: string, delay = DEBOUNCE_MS): string {
  const [debounced, setDebounced] = useState(search.trim());
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), delay);
    return () => clearTimeout(timer);
  }, [search, delay]);
  return debounced;
}

interface PickerSearchFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** "Searching …", "3 hits", "Search failed": announced politely and tied to the field. */
  status: string;
}

/**
 * The search field of every picker: type part of a name, the hits follow. Enter searches here; it
 * must not submit the surrounding form.
 */
export function PickerSearchField({ id, label, value, onChange, status }: PickerSearchFieldProps) {
  const statusId = `${id}-status`;
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <input
        className="kern-form-input__input"
        id={id}
        type="search"
        autoComplete="off"
        value={value}
        aria-describedby={statusId}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <p className="kern-hint" id={statusId} role="status">
        {status}
      </p>
    </div>
  );
}

interface SearchPickerProps<Hit extends { id: string }> {
  /** The select's id; the search field gets `${id}-search`. */
  id: string;
  searchLabel: ReactNode;
  label: ReactNode;
  search: string;
  onSearchChange: (search: string) => void;
  status: string;
  /** The hits of the search. */
  hits: readonly Hit[];
  /** The one picked so far; stays selectable while it is not among the hits. */
  value: Hit | null;
  onChange: (hit: Hit | null) => void;
  /** The select's empty choice ("no municipality"). */
  noneLabel: string;
  /** The text of a hit's option, e.g. its name with its district. */
  optionLabel: (hit: Hit) => string;
  error?: FormMessage;
}

/**
 * Picks one of many (municipalities of the whole state, working groups): a search field, then a
 * plain select of the hits, which every keyboard and screen reader handles.
 */
export function SearchPicker<Hit extends { id: string }>({
  id,
  searchLabel,
  label,
  search,
  onSearchChange,
  status,
  hits,
  value,
  onChange,
  noneLabel,
  optionLabel,
  error,
}: SearchPickerProps<Hit>) {
  const options = value && !hits.some((hit) => hit.id === value.id) ? [value, ...hits] : hits;
  return (
    <div className="hub-search-picker">
      <PickerSearchField
        id={`${id}-search`}
        label={searchLabel}
        value={search}
        onChange={onSearchChange}
        status={status}
      />
      <SelectField
        id={id}
        label={label}
        value={value?.id ?? ''}
        error={error}
        onChange={(chosenId) => onChange(options.find((option) => option.id === chosenId) ?? null)}
      >
        <option value="">{noneLabel}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {optionLabel(option)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/** The results page of the search box in the header. */
export const searchPaths = {
  results: '/suche',
  /** The results page for a text, optionally one kind only. */
  resultsFor: (text: string, kind?: string) =>
    `/suche?${new URLSearchParams(kind ? { q: text, art: kind } : { q: text })}`,
} as const;

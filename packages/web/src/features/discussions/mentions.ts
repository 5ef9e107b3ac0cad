/** The `@…` being typed right before the caret, with where it starts, or null. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@[\]()][^\n@[\]()]{0,40})$/.exec(before);
  if (!match) return null;
  const query = match[2];
  if (query.trim().length < 2) return null;
  return { start: caret - query.length - 1, query: query.trim() };
}

export type MentionKind = 'PERSON' | 'MUNICIPALITY' | 'PROJECT';

const escapeLabel = (label: string) => label.replace(/[[\]\n]/g, ' ').trim();

/** The Markdown token the API reads as a mention (people, municipalities) or a project link. */
export function mentionToken(kind: MentionKind, id: string, label: string): string {
  const text = escapeLabel(label);
  if (kind === 'PERSON') return `@[${text}](person:${id})`;
  if (kind === 'MUNICIPALITY') return `@[${text}](municipality:${id})`;
  return `[${text}](project:${id})`;
}

import { discussionLimits } from '@hub/shared';
import { fromGlobalId } from '../../graphql/relay';
import { renderMarkdown, sanitizer } from '../../markdown';

/** What a post's Markdown may refer to, written by the editor's autocomplete as a link-like token. */
export type ReferenceKind = 'person' | 'municipality' | 'project';

const GLOBAL_TYPE: Record<ReferenceKind, string> = {
  person: 'User',
  municipality: 'Municipality',
  project: 'Project',
};

/**
 * `@[Anna Beispiel](person:<ID>)`, `@[Kaiserslautern](municipality:<ID>)` (all its officers) and
 * `[Digitale Dörfer](project:<ID>)`, with the global IDs of the API.
 */
const REFERENCE = /(@?)\[([^\]\n]{1,200})\]\((person|municipality|project):([A-Za-z0-9_-]{1,200})\)/g;

export interface PostReference {
  kind: ReferenceKind;
  id: string;
  label: string;
}

/** The references a post makes (each once), and the tokens whose ID is not valid. */
export function referencesIn(body: string): { references: PostReference[]; invalid: string[] } {
  const references = new Map<string, PostReference>();
  const invalid: string[] = [];
  for (const match of body.matchAll(REFERENCE)) {
    const kind = match[3] as ReferenceKind;
    const decoded = fromGlobalId(match[4]);
    if (!decoded || decoded.type !== GLOBAL_TYPE[kind]) {
      invalid.push(match[0]);
      continue;
    }
    references.set(`${kind}:${decoded.id}`, { kind, id: decoded.id, label: match[2] });
  }
  return { references: [...references.values()], invalid };
}

const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (c) => `\\${c}`);

/** Where the web app shows a municipality and a project (the same paths as its router). */
const WEB_PATHS = {
  municipality: (globalId: string) => `/mitglieder/kommunen/${globalId}`,
  project: (globalId: string) => `/projekte/${globalId}`,
};

/**
 * The post's sanitised HTML: mentions of people become bold "@Name", municipalities and projects
 * links to their pages; everything else is the hub's Markdown (markdown.ts).
 */
export function renderPost(body: string): string {
  const withLinks = body.replace(
    REFERENCE,
    (_token, at: string, label: string, kind: ReferenceKind, id: string) => {
      const decoded = fromGlobalId(id);
      if (!decoded || decoded.type !== GLOBAL_TYPE[kind]) return escapeMarkdown(label);
      const text = escapeMarkdown(`${at}${label}`);
      if (kind === 'person') return `**${text}**`;
      return `[${text}](${WEB_PATHS[kind](id)})`;
    },
  );
  return renderMarkdown(withLinks);
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Plain text of a post, at most `discussionLimits.excerpt.maxLength` characters (quotes, events). */
export function excerptOf(bodyHtml: string): string {
  const text = sanitizer()(bodyHtml.replace(/<\/(p|li|h\d|blockquote|pre|tr)>/g, ' '), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity])
    .replace(/\s+/g, ' ')
    .trim();
  const max = discussionLimits.excerpt.maxLength;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

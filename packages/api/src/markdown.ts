import { LRUCache } from 'lru-cache';
import type MarkdownIt from 'markdown-it';
import type sanitizeHtml from 'sanitize-html';
import { deferredModule } from './deferred-module';

/** sanitize-html, loaded on first use (deferred-module.ts). */
export const sanitizer = deferredModule(() => require('sanitize-html') as typeof sanitizeHtml);

// html: false escapes raw HTML in the Markdown; sanitize-html is the second line of defence
// (an allowlist of tags, attributes and URL schemes) in case a renderer rule lets something through.
const ALLOWED = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['style'], td: ['style'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
} satisfies sanitizeHtml.IOptions;

/** markdown-it and sanitize-html with the allowlist, loaded on first use (deferred-module.ts). */
const render = deferredModule(() => {
  const loaded = require('markdown-it') as typeof MarkdownIt & { default?: typeof MarkdownIt };
  const markdown = new (loaded.default ?? loaded)({ html: false, linkify: true, typographer: false });
  const sanitize = sanitizer();
  const options: sanitizeHtml.IOptions = {
    ...ALLOWED,
    transformTags: { a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
  };
  return (source: string) => sanitize(markdown.render(source), options);
});

/**
 * HTML by its Markdown, the most recently used first: minutes, agenda-item notes and report sections
 * are rendered on every read (a meeting page renders dozens), and change seldom. Bounded by the
 * texts' length (about 8 MB at most); longer texts than a quarter of that are rendered each time.
 */
const rendered = new LRUCache<string, string>({
  maxSize: 4_000_000,
  maxEntrySize: 1_000_000,
  // At least 1: the cache refuses a size of 0 (an empty text).
  sizeCalculation: (html, source) => html.length + source.length + 1,
});

/** Renders user Markdown (project descriptions, minutes) to HTML that is safe to insert into a page. */
export function renderMarkdown(source: string): string {
  let html = rendered.get(source);
  if (html === undefined) {
    html = render()(source);
    rendered.set(source, html);
  }
  return html;
}

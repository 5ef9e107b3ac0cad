import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// html: false escapes raw HTML in the Markdown; sanitize-html is the second line of defence
// (an allowlist of tags, attributes and URL schemes) in case a renderer rule lets something through.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

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
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
} satisfies sanitizeHtml.IOptions;

/** Renders user Markdown (project descriptions, minutes) to HTML that is safe to insert into a page. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED);
}

import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// html: false escapes raw HTML in the source and markdown-it refuses javascript:/data: links;
// sanitize-html (an allowlist of tags, attributes and URL schemes) is the second line of defence.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

const allowed: sanitizeHtml.IOptions = {
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
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/** Renders minutes Markdown to HTML that is safe to insert into a page. */
export function renderMinutesMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), allowed);
}

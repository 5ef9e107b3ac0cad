/**
 * A post's text the API rendered from Markdown with raw HTML escaped and dangerous links refused
 * (markdown-it with html: false, then sanitize-html); inserted as HTML so emphasis, lists, links
 * and mentions survive.
 */
export function PostHtml({ html, id }: { html: string; id?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the API (see above).
  return <div className="kern-body hub-post__text" id={id} dangerouslySetInnerHTML={{ __html: html }} />;
}

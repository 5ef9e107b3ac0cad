/**
 * Minutes text the API rendered from Markdown with raw HTML escaped and dangerous links refused
 * (markdown-it, html: false); it is inserted as HTML so headings, lists and emphasis survive.
 */
export function MinutesHtml({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the API renders Markdown without raw HTML (see above).
  return <div className="kern-body hub-minutes-text" dangerouslySetInnerHTML={{ __html: html }} />;
}

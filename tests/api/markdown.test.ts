// User Markdown becomes safe HTML; rendered texts are kept (markdown.ts), which must not change
// what any text renders to.
import { renderMarkdown } from '../../packages/api/src/markdown';

describe('renderMarkdown', () => {
  it('renders Markdown, escapes raw HTML and marks links', () => {
    expect(renderMarkdown('**fett** <script>alert(1)</script> [Seite](https://example.org)')).toBe(
      '<p><strong>fett</strong> &lt;script&gt;alert(1)&lt;/script&gt; <a href="https://example.org" rel="noopener noreferrer nofollow">Seite</a></p>\n',
    );
  });

  it('answers a text rendered before as the first time, and each text with its own HTML', () => {
    const texts = Array.from({ length: 50 }, (_, i) => `## Punkt ${i}\n\n- erledigt: *${i}*`);
    const first = texts.map(renderMarkdown);
    const again = [...texts].reverse().map(renderMarkdown).reverse();
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(texts.length);
    expect(first[7]).toBe('<h2>Punkt 7</h2>\n<ul>\n<li>erledigt: <em>7</em></li>\n</ul>\n');
  });

  it('renders an empty text (nothing), also again', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('')).toBe('');
  });

  it('renders a text longer than the kept ones alike every time', () => {
    const long = `${'Absatz mit *Betonung*. '.repeat(60_000)}\n\n<b>roh</b>`;
    const html = renderMarkdown(long);
    expect(html.startsWith('<p>Absatz mit <em>Betonung</em>.')).toBe(true);
    expect(html).toContain('&lt;b&gt;roh&lt;/b&gt;');
    expect(renderMarkdown(long)).toBe(html);
  });
});

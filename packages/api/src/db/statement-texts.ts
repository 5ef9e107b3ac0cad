/**
 * Statement texts by shape. A shape is what a statement's text depends on besides its parameter
 * values (which filter fields are set, the viewer's read rule, the page size, …): a request of a
 * shape seen before takes its text from here instead of building it again with TypeORM's query
 * builders, whose text building (property names, escaping, joins) is most of their cost. Texts keep
 * their named parameters (`:name`, `:...list`); `escapeQueryWithParameters` numbers them per request.
 */
export class StatementTexts {
  private readonly texts = new Map<string, string>();

  /** `bound`: shapes are bounded by a filter's fields and page sizes; a bound all the same. */
  constructor(private readonly bound = 1000) {}

  /** The text of `shape`, built once; a null shape (a search, whose terms shape the text) is built each time. */
  of(shape: string | null, build: () => string): string {
    if (shape === null) return build();
    let text = this.texts.get(shape);
    if (text === undefined) {
      if (this.texts.size >= this.bound) this.texts.clear();
      text = build();
      this.texts.set(shape, text);
    }
    return text;
  }
}

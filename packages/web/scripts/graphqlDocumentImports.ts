import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { Plugin } from 'vite';

/** The prefix of the module that holds one generated document (`virtual:gql-document/<GraphQL name>`). */
const DOCUMENT_MODULE = 'virtual:gql-document/';

/** The JSON of each generated operation and fragment document (src/gql/graphql.ts), by its GraphQL name. */
export function readGeneratedDocuments(generatedFile: string): Map<string, string> {
  const generated = readFileSync(generatedFile, 'utf8');
  const documents = new Map<string, string>();
  const documentExport =
    /^export const \w+ = (\{"kind":"Document","definitions":\[\{"kind":"(?:OperationDefinition|FragmentDefinition)"(?:,"operation":"\w+")?,"name":\{"kind":"Name","value":"(\w+)"\}.*\}) as unknown as DocumentNode<.*>;$/gm;
  for (const match of generated.matchAll(documentExport)) documents.set(match[2], match[1]);
  return documents;
}

/**
 * Replaces every `graphql(\`…\`)` call with an import of a module holding just that document, taken
 * from the generated `src/gql/graphql.ts` (what the codegen client preset's babel plugin does,
 * one step further: plugin-react no longer runs babel, and one shared generated module would still
 * put every page's documents into one chunk). Each lazy page's chunk thus carries its own
 * documents; the first load only those of the shell and the catalogue. Types are unchanged: the
 * type checker still types the call through `gql.ts`.
 */
export function graphqlDocumentImports(generatedDir: string): Plugin {
  const generatedFile = path.join(generatedDir, 'graphql.ts');
  let documents: Map<string, string> | null = null;

  function documentsByName(): Map<string, string> {
    documents ??= readGeneratedDocuments(generatedFile);
    return documents;
  }

  return {
    name: 'hub-graphql-document-imports',
    enforce: 'pre',
    watchChange(id) {
      if (path.resolve(id) === generatedFile) documents = null;
    },
    resolveId(id) {
      return id.startsWith(DOCUMENT_MODULE) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${DOCUMENT_MODULE}`)) return null;
      const name = id.slice(DOCUMENT_MODULE.length + 1);
      return `export default ${documentsByName().get(name)};`;
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\.tsx?$/.test(file) || file.startsWith(generatedDir) || !code.includes('graphql(`')) return null;
      const imports: string[] = [];
      const rewritten = code.replace(/\bgraphql\(`([^`]*)`\)/g, (call, document: string) => {
        const [first] = parse(document).definitions;
        const name = first && 'name' in first ? first.name?.value : undefined;
        if (!name || !documentsByName().has(name)) {
          throw new Error(`${file}: no generated document for "${name}"; run pnpm --filter @hub/web codegen`);
        }
        const local = `__gqlDocument_${name}`;
        imports.push(`import ${local} from '${DOCUMENT_MODULE}${name}';`);
        // As many line breaks as the call had: line numbers stay as in the source (there is no source map).
        return local + '\n'.repeat(call.split('\n').length - 1);
      });
      // On the one line of the import they replace.
      const withImports = rewritten.replace(/^import \{ graphql \} from '[./]+\/gql';$/m, imports.join(' '));
      if (withImports === rewritten) {
        throw new Error(
          `${file}: import graphql() alone from the gql folder (import { graphql } from '…/gql')`,
        );
      }
      return { code: withImports, map: null };
    },
  };
}

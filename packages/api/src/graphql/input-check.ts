import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, limits } from '@hub/shared';
import type { DocumentNode } from 'graphql';
import { GraphQLError, visit } from 'graphql';
import { perDocument } from './per-document';

const { maxStringLength, maxListLength } = limits.input;
/** Input objects and lists nest a few levels at most; deeper ones are abuse (and recursion risks). */
const MAX_DEPTH = 12;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a text that no field may take, or null: PostgreSQL refuses NUL characters,
 * and unpaired UTF-16 surrogates cannot be encoded as UTF-8 at all.
 */
export function textProblem(text: string): string | null {
  if (text.length > maxStringLength) return `is longer than ${maxStringLength} characters`;
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

/** The first problem in the request's variables, breadth first and without recursion. */
function valueProblem(root: unknown, rootPath: string): string | null {
  const queue: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: rootPath, depth: 0 },
  ];
  for (let i = 0; i < queue.length; i++) {
    const { value, path, depth } = queue[i];
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return `Variable ${path} ${problem}`;
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_DEPTH) return `Variable ${path} is nested too deeply`;
      if (Array.isArray(value) && value.length > maxListLength)
        return `Variable ${path} has more than ${maxListLength} items`;
      for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value))
        queue.push({ value: item, path: depth === 0 ? `$${key}` : `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}

const documentProblem = perDocument((document: DocumentNode): string | null => {
  let problem: string | null = null;
  visit(document, {
    StringValue(node) {
      const found = textProblem(node.value);
      if (found && !problem) problem = `A string in the query ${found}`;
    },
    ListValue(node) {
      if (node.values.length > maxListLength && !problem)
        problem = `A list in the query has more than ${maxListLength} items`;
    },
  });
  return problem;
});

/**
 * Rejects, once for every argument and input field, text that no field can take and absurdly
 * large values, before any resolver runs: one BAD_USER_INPUT instead of a database error.
 */
export const inputCheckPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const problem = valueProblem(request.variables ?? {}, 'variables') ?? documentProblem(document);
        if (problem)
          throw new GraphQLError(`${problem}.`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
          });
      },
    };
  },
};

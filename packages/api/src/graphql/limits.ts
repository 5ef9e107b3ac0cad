import type { ASTVisitor, FieldNode, ValidationContext } from 'graphql';
import { GraphQLError, Kind } from 'graphql';

export const QUERY_LIMITS = { depth: 12, aliases: 30, cost: 25_000, tokens: 5_000 } as const;

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Rejects documents nested deeper than `QUERY_LIMITS.depth` (introspection included). */
export function depthLimitRule(context: ValidationContext): ASTVisitor {
  let depth = 0;
  return {
    Field: {
      enter() {
        depth += 1;
        if (depth === QUERY_LIMITS.depth + 1)
          context.reportError(limitError(`Query is nested deeper than ${QUERY_LIMITS.depth} levels.`));
      },
      leave() {
        depth -= 1;
      },
    },
  };
}

/** Rejects documents with more than `QUERY_LIMITS.aliases` aliases (alias-based batching attacks). */
export function aliasLimitRule(context: ValidationContext): ASTVisitor {
  let aliases = 0;
  return {
    Field(node: FieldNode) {
      if (node.alias) aliases += 1;
      if (aliases === QUERY_LIMITS.aliases + 1)
        context.reportError(limitError(`Query uses more than ${QUERY_LIMITS.aliases} aliases.`));
    },
  };
}

/**
 * A coarse cost estimate: each field costs 1, multiplied by the page sizes (`first`, default 20)
 * of the lists it is nested in. Rejects documents above `QUERY_LIMITS.cost`.
 */
export function costLimitRule(context: ValidationContext): ASTVisitor {
  const multipliers: number[] = [1];
  let cost = 0;
  let reported = false;
  return {
    Field: {
      enter(node: FieldNode) {
        const factor = multipliers[multipliers.length - 1];
        cost += factor;
        const first = node.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
        let size = 1;
        if (first) size = first.value.kind === Kind.INT ? Number(first.value.value) : 100;
        multipliers.push(factor * Math.max(1, size));
        if (!reported && cost > QUERY_LIMITS.cost) {
          reported = true;
          context.reportError(
            limitError(`Query is too expensive (estimated cost above ${QUERY_LIMITS.cost}).`),
          );
        }
      },
      leave() {
        multipliers.pop();
      },
    },
  };
}

/** In production, anonymous clients may not introspect the schema. */
export function noAnonymousIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node: FieldNode) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          new GraphQLError('Introspection is available to signed-in users only.', {
            extensions: { code: 'FORBIDDEN' },
          }),
        );
      }
    },
  };
}

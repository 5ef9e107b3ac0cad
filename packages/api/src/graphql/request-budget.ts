import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { ErrorCode } from '@hub/shared';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Context } from './context';
import { stringifyResult } from './raw-json';

/**
 * What one GraphQL request may take, beyond the static limits of `QUERY_LIMITS`: the static cost
 * is an estimate, these are measured. On the demo network the web app's largest answers are the
 * members page with 100 rows (40 kB) and the project list with every demo project (6 kB), each under
 * 350 ms; at the field limits a project page is about 0.5 MB and each published revision of the
 * minutes about 1.3 MB (100 kB of text plus 20 kB per each of up to 60 agenda items).
 */
export interface RequestBudget {
  /** Execution stops with REQUEST_TIMEOUT once this much time has passed. */
  timeoutMs: number;
  /** A result whose JSON is larger than this is replaced by RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
}

export const DEFAULT_REQUEST_BUDGET: RequestBudget = {
  timeoutMs: 10_000,
  // The minutes print page of a meeting corrected many times at the field limits still fits.
  maxResponseBytes: 16 * 1024 * 1024,
};

type ExceededCode = ErrorCode.REQUEST_TIMEOUT | ErrorCode.RESPONSE_TOO_LARGE;

const refusals: Record<ExceededCode, { message: string; status: number }> = {
  [ErrorCode.REQUEST_TIMEOUT]: { message: 'The request took too long and was stopped.', status: 503 },
  [ErrorCode.RESPONSE_TOO_LARGE]: {
    message: 'The result is too large. Ask for fewer items at once.',
    status: 400,
  },
};

/**
 * Results serialised to measure their size, by their `data`: `serialisedResult` (Apollo's
 * `stringifyResult`) sends that same text instead of serialising the result a second time.
 */
const serialised = new WeakMap<object, { result: FormattedExecutionResult; json: string }>();

/**
 * What Apollo sends for a result (its `prettyJSONStringify` of the fields in this order, answers
 * already JSON written as they are: raw-json.ts), remembered.
 */
function serialise(result: FormattedExecutionResult): string {
  const json = `${stringifyResult({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
  if (result.data) serialised.set(result.data, { result, json });
  return json;
}

/**
 * Apollo's `stringifyResult`: the text the size budget measured when Apollo hands over the same
 * result (the same data, errors and extensions), else a fresh serialisation.
 */
export function serialisedResult(result: FormattedExecutionResult): string {
  const known = result.data ? serialised.get(result.data) : undefined;
  if (known && known.result.errors === result.errors && known.result.extensions === result.extensions)
    return known.json;
  return `${stringifyResult({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
}

/** Thrown by every loader use once the time budget is spent; graphql-js has no abort. */
class TimeBudgetExceeded extends Error {
  readonly extensions = { code: ErrorCode.REQUEST_TIMEOUT };
}

function refuse(context: GraphQLRequestContextWillSendResponse<Context>, code: ExceededCode): void {
  const { body, http } = context.response;
  if (body.kind !== 'single') return;
  const error: GraphQLFormattedError = { message: refusals[code].message, extensions: { code } };
  body.singleResult = { errors: [error] };
  http.status = refusals[code].status;
}

/**
 * Enforces a `RequestBudget` per request: a request past its time stops loading data (the request's
 * loaders refuse, so no further SQL is sent) and its partial result is dropped; a result too large to
 * send is replaced by a coded error. No per-field hook: a `willResolveField` makes Apollo wrap every
 * field's resolver, which costs more CPU than the rest of a catalogue page's execution plugins.
 */
export function requestBudgetPlugin(budget: RequestBudget): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let deadline = Number.POSITIVE_INFINITY;
      let timer: NodeJS.Timeout | null = null;
      return {
        async executionDidStart({ contextValue }) {
          deadline = Date.now() + budget.timeoutMs;
          timer = setTimeout(() => {
            contextValue.loaders.stop(new TimeBudgetExceeded(refusals[ErrorCode.REQUEST_TIMEOUT].message));
          }, budget.timeoutMs);
          timer.unref();
        },
        async willSendResponse(context) {
          if (timer) clearTimeout(timer);
          if (Date.now() >= deadline) {
            context.contextValue.log.warn(
              { operation: context.operationName, timeoutMs: budget.timeoutMs },
              'request stopped: time budget spent',
            );
            refuse(context, ErrorCode.REQUEST_TIMEOUT);
            return;
          }
          const { body } = context.response;
          if (body.kind !== 'single') return;
          const bytes = Buffer.byteLength(serialise(body.singleResult));
          if (bytes > budget.maxResponseBytes) {
            context.contextValue.log.warn(
              { operation: context.operationName, bytes, maxResponseBytes: budget.maxResponseBytes },
              'response refused: above the size budget',
            );
            refuse(context, ErrorCode.RESPONSE_TOO_LARGE);
          }
        },
      };
    },
  };
}

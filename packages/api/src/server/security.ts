import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@hub/shared';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from '../logger';

/**
 * The Content-Security-Policy of every response. The built web app has no inline script or style
 * (Vite emits files under /assets); the design system's CSS draws its icons from data: SVGs.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Browser features the hub never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
].join(', ');

/**
 * Security headers (helmet) on every response; HSTS only where the hub is served over HTTPS. The
 * hub's are the same for every request: helmet runs once, at the start, and each response gets
 * the headers it set (instead of helmet's dozen middleware functions per request).
 */
export function securityHeaders({ https }: { https: boolean }): RequestHandler {
  const headers = new Map<string, string | number | readonly string[]>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let done = false;
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: https
        ? { ...CONTENT_SECURITY_POLICY, 'upgrade-insecure-requests': [] }
        : CONTENT_SECURITY_POLICY,
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 60 * 60 } : false,
  })({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    done = true;
  });
  if (!done) throw new Error('securityHeaders: helmet did not set its headers at once');
  headers.set('permissions-policy', PERMISSIONS_POLICY);
  const fixed = [...headers];
  return (_req, res, next) => {
    // Helmet removes X-Powered-By; Express is told not to send it (app.ts).
    for (const [name, value] of fixed) res.setHeader(name, value);
    next();
  };
}

function isGraphQL(req: Request): boolean {
  return req.path === '/graphql';
}

/** Unknown paths outside the web app: JSON, not Express's HTML page. */
export const notFoundAsJson: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'Not found.', code: ErrorCode.NOT_FOUND });
};

/**
 * The last error handler: JSON, never Express's HTML page with a stack trace. Body-parser errors
 * (malformed JSON, a body too large) keep their 4xx status; on /graphql they are shaped like a
 * GraphQL-over-HTTP request error.
 */
export function errorsAsJson(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status: number = Number(error?.status ?? error?.statusCode) || 500;
    const clientError = status >= 400 && status < 500;
    if (!clientError) log.error({ err: error, path: req.path }, 'unexpected error in HTTP route');
    const code = clientError ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL_SERVER_ERROR;
    const message =
      error?.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : error?.type === 'entity.too.large'
          ? 'The request body is too large.'
          : clientError
            ? 'The request is not valid.'
            : 'Internal server error.';
    res.status(clientError ? status : 500);
    if (isGraphQL(req)) res.json({ errors: [{ message, extensions: { code } }] });
    else res.json({ error: message, code });
  };
}

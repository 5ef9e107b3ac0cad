import type { AddressInfo } from 'node:net';
import express from 'express';
import { logger } from '../../packages/api/src/logger';
import { errorsAsJson } from '../../packages/api/src/server/security';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

describe('security headers', () => {
  const paths = [
    ['GET', '/healthz'],
    ['GET', '/readyz'],
    ['POST', '/graphql'],
    ['GET', '/oparl/v1'],
    ['GET', '/no-such-route'],
  ] as const;

  for (const [method, path] of paths) {
    it(`are on ${method} ${path}`, async () => {
      const response = await fetch(`${t.url}${path}`, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-hub-csrf': '1' },
        body: method === 'POST' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
      });
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
      expect(response.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
      // Plain HTTP (tests, local use): no HSTS, no upgrade of requests.
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    });
  }

  it('add HSTS and upgrade-insecure-requests where the hub is served over HTTPS', async () => {
    const https = await startTestApp({ publicUrl: 'https://hub.example' });
    try {
      const response = await fetch(`${https.url}/healthz`);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(
        directives(response.headers.get('content-security-policy')).has('upgrade-insecure-requests'),
      ).toBe(true);
    } finally {
      await https.close();
    }
  });
});

describe('errors are JSON, never an HTML page with a stack trace', () => {
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-hub-csrf': '1',
        accept: 'application/graphql-response+json',
      },
      body,
    });

  it('answers malformed JSON to /graphql with a GraphQL-over-HTTP shaped 400', async () => {
    const response = await post('{"query": "{ __typename }"');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/json/);
    const text = await response.text();
    expect(text).not.toMatch(/<html|<pre|at .*\.js:\d+/i);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('answers a body over the size limit with JSON 413', async () => {
    const response = await post(JSON.stringify({ query: `{ __typename }${' '.repeat(1_100_000)}` }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('answers unknown API paths with JSON 404', async () => {
    const response = await fetch(`${t.url}/api/nothing-here`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found.', code: 'NOT_FOUND' });
  });

  it('answers an unexpected error in a plain route with JSON 500 and no details', async () => {
    // The hub's own error handler behind a route that fails, as a route with a bug would.
    const app = express();
    app.get('/broken', () => {
      throw new Error('secret detail at /srv/hub/file.ts:12');
    });
    app.use(errorsAsJson(logger.child({ test: 'errorsAsJson' })));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/broken`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        error: 'Internal server error.',
        code: 'INTERNAL_SERVER_ERROR',
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('Apollo’s sandbox landing page', () => {
  it('is not served (it needs inline script the CSP refuses)', async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<script/i);
  });
});

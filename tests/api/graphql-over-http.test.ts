import { serverAudits } from 'graphql-http';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';

// The GraphQL-over-HTTP spec's audit suite against the real server (introspection on).
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const audits = serverAudits({ url: () => `${t.url}/graphql` });

describe('GraphQL over HTTP audits', () => {
  for (const audit of audits.filter((a) => a.name.startsWith('MUST'))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect({ status: result.status, reason: result.status === 'ok' ? undefined : result.reason }).toEqual({
        status: 'ok',
        reason: undefined,
      });
    });
  }

  it('passes most SHOULD audits as well', async () => {
    const should = audits.filter((a) => a.name.startsWith('SHOULD'));
    const results = await Promise.all(should.map((a) => a.fn()));
    const ok = results.filter((r) => r.status === 'ok').length;
    expect(ok / should.length).toBeGreaterThan(0.7);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Role, UserErrorCode, userErrorMessageKey } from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';
import { createMeeting, updateMeeting } from '../support/operations';

/** One error contract: userError codes come from UserErrorCode (@hub/shared) and nowhere else. */

const API_SOURCE = join(__dirname, '../../packages/api/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const source = sourceFiles(API_SOURCE)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('the codes', () => {
  it('every code a mutation reports (fail, userError, fileError) is declared in UserErrorCode', () => {
    const reported = new Set<string>();
    for (const call of source.matchAll(/\b(?:fail|userError|fileError)\(\s*([^,]+),/g)) {
      for (const literal of call[1].matchAll(/'([A-Z_]+)'/g)) reported.add(literal[1]);
    }
    expect(reported.size).toBeGreaterThan(40);
    const declared = new Set<string>(Object.values(UserErrorCode));
    expect([...reported].filter((code) => !declared.has(code))).toEqual([]);
  });

  it('every declared code is reported somewhere and has its catalogue key', () => {
    const unused = Object.values(UserErrorCode).filter((code) => !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
    expect(userErrorMessageKey(UserErrorCode.EMAIL_TAKEN)).toBe('userError.EMAIL_TAKEN');
  });
});

describe('one validator per field: a meeting’s online link', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const startsAt = new Date(Date.now() + 7 * 86400_000);
  const plan = (onlineUrl: string) => ({
    kind: 'NETWORK',
    title: 'Netzwerktreffen',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
    onlineUrl,
  });

  it('planning and editing accept and refuse the same links', async () => {
    const client = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const planned = await createMeeting(client, plan('https://meet.example.org/raum'));
    const meetingId = planned.meeting?.id;
    for (const url of ['http://intranet/raum-3', 'https://konferenz.rlp.de/r?id=1']) {
      const created = await createMeeting(client, plan(url));
      const updated = await updateMeeting(client, { meetingId, onlineUrl: url });
      expect({ url, created: created.userErrors, updated: updated.userErrors }).toEqual({
        url,
        created: [],
        updated: [],
      });
    }
    for (const url of ['ftp://files.example.org', 'meet.example.org', 'https://zwei worte.de']) {
      const created = await createMeeting(client, plan(url));
      const updated = await updateMeeting(client, { meetingId, onlineUrl: url });
      const refusal = [
        { field: 'onlineUrl', code: 'VALIDATION', message: 'onlineUrl must be an http(s) URL' },
      ];
      expect({ url, created: created.userErrors, updated: updated.userErrors }).toEqual({
        url,
        created: refusal,
        updated: refusal,
      });
    }
  });
});

import 'reflect-metadata';
import { Role } from '@hub/shared';
import { loadOperator } from '../../packages/api/src/config';
import { personalDataRegistry } from '../../packages/api/src/modules/privacy';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';

const OPERATOR = `{ operatorDetails { name address representative email supervisoryAuthority missingSettings } }`;
const RECORD = `query ($language: Locale! = DE) { processingRecord(language: $language) { operator { name }
  activities { table title purpose recipients retention erasure } retention { kind period } } }`;

describe('documents from the running configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('without operator settings the imprint data is empty and names what to fill in', async () => {
    const result = await t.client().gql(OPERATOR);
    expect(result.data?.operatorDetails).toMatchObject({ name: '', address: '', email: '' });
    expect(result.data?.operatorDetails.missingSettings).toEqual([
      'OPERATOR_NAME',
      'OPERATOR_ADDRESS',
      'OPERATOR_REPRESENTATIVE',
      'OPERATOR_EMAIL',
    ]);
    expect(result.data?.operatorDetails.supervisoryAuthority).toContain('Rheinland-Pfalz');
  });

  it('the processing record lists every registry entry with purpose, recipients, retention and erasure', async () => {
    const officer = await buildUser(t.dataSource);
    const result = await (await t.as(officer)).gql(RECORD);
    const activities = result.data?.processingRecord.activities as Record<string, string>[];
    expect(activities.map((a) => a.table)).toEqual(personalDataRegistry.map((e) => e.table));
    for (const activity of activities)
      for (const field of ['title', 'purpose', 'recipients', 'retention', 'erasure'])
        expect(activity[field].length).toBeGreaterThan(3);
    expect(activities.find((a) => a.table === 'audit_event')?.retention).toBe(
      '5 Jahre (AUDIT_RETENTION_YEARS)',
    );
    // No personal data in it: the public privacy notice shows it too.
    expect((await t.client().gql(RECORD)).data?.processingRecord.activities).toHaveLength(activities.length);
  });

  it('the processing record is worded in English for readers of the English hub, German by default', async () => {
    const english = (await t.client().gql(RECORD, { language: 'EN' })).data?.processingRecord;
    const german = (await t.client().gql(RECORD)).data?.processingRecord;
    const activities = english.activities as Record<string, string>[];
    expect(activities.map((a) => a.table)).toEqual(german.activities.map((a: { table: string }) => a.table));
    // Every text differs from its German wording, except the names of configuration variables.
    for (const [index, activity] of activities.entries())
      for (const field of ['title', 'purpose', 'recipients', 'retention', 'erasure']) {
        expect(activity[field].length).toBeGreaterThan(3);
        expect(activity[field]).not.toBe(german.activities[index][field]);
        // No German left in it (umlauts and ß, which no English wording here has).
        expect(activity[field]).not.toMatch(/[äöüÄÖÜß]/);
      }
    expect(activities.find((a) => a.table === 'session')).toMatchObject({
      title: 'Sign-ins (sessions)',
      recipients: 'only the person themselves',
      erasure: 'is deleted',
    });
    expect(activities.find((a) => a.table === 'audit_event')?.retention).toBe(
      '5 years (AUDIT_RETENTION_YEARS)',
    );
    for (const rule of english.retention) expect(`${rule.kind} ${rule.period}`).not.toMatch(/[äöüÄÖÜß]/);
    expect(english.retention).toHaveLength(german.retention.length);
    // An unknown language is bad input, not a server error.
    const wrong = await t.client().gql(RECORD, { language: 'FR' });
    expect(wrong.status).toBe(400);
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('with the operator configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      operator: loadOperator({
        OPERATOR_NAME: 'KL.digital GmbH',
        OPERATOR_ADDRESS: 'Beispielstraße 1, 67655 Kaiserslautern',
        OPERATOR_REPRESENTATIVE: 'Geschäftsführung: Erika Muster',
        OPERATOR_EMAIL: 'hub@kl.digital.example',
      } as NodeJS.ProcessEnv),
      retention: { auditYears: 3, deliveredMailDays: 30, undeliveredMailDays: 90, readNotificationDays: 180 },
    });
  });
  afterAll(() => t.close());

  it('the imprint and the record show the settings, nothing missing', async () => {
    const operator = (await t.client().gql(OPERATOR)).data?.operatorDetails;
    expect(operator).toMatchObject({ name: 'KL.digital GmbH', missingSettings: [] });
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const record = (await (await t.as(coordinator)).gql(RECORD)).data?.processingRecord;
    expect(record.operator.name).toBe('KL.digital GmbH');
    expect(record.retention).toContainEqual({
      kind: 'Änderungsprotokoll',
      period: '3 Jahre (AUDIT_RETENTION_YEARS)',
    });
  });
});

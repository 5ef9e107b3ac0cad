import 'reflect-metadata';
import { Role } from '@hub/shared';
import { loadOperator } from '../../packages/api/src/config';
import { personalDataRegistry } from '../../packages/api/src/modules/privacy';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';

const OPERATOR = `{ operatorDetails { name address representative email supervisoryAuthority missingSettings } }`;
const RECORD = `{ processingRecord { operator { name } activities { table title purpose recipients retention erasure }
  retention { kind period } } }`;

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

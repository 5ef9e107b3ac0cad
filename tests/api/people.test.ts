// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
import { Locale, Role, UserStatus } from '@hub/shared';
import { Session } from '../../packages/api/src/modules/auth/session.entity';
import { OutboxMessage } from '../../packages/api/src/modules/mail/outbox-message.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const PERSON =
  'user { id name email phone position locale role status active municipality { name } } userErrors { field code message }';
const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { ${PERSON} } }`;
const DEACTIVATE = `mutation($input: PersonInput!) { deactivateUser(input: $input) { ${PERSON} } }`;
const REACTIVATE = `mutation($input: PersonInput!) { reactivateUser(input: $input) { ${PERSON} } }`;
const CHANGE_ROLE = `mutation($input: ChangeRoleInput!) { changeUserRole(input: $input) { ${PERSON} } }`;
const IMPORT = `mutation($input: ImportOfficersInput!) { importOfficers(input: $input) {
  valid createdCount created { name email phone municipality { name } }
  rows { line name email municipalityText municipality { name } errors { field code message } }
  userErrors { field code message } } }`;

const PASSWORD = 'richtig-langes-Passwort-1';

const coordinator = () => buildUser(t.dataSource, { role: Role.COORDINATOR });

describe('own profile', () => {
  it('everyone edits their own profile: name, position, phone, e-mail, language', async () => {
    const me = await buildUser(t.dataSource, { role: Role.MINISTRY, password: PASSWORD });
    const result = await (await t.as(me)).gql(UPDATE, {
      input: {
        name: ' Mara Meier ',
        position: 'Referentin',
        phone: '06131 16-0',
        email: 'Mara.Meier@example.org',
        currentPassword: PASSWORD,
        locale: 'EN',
      },
    });
    expect(result.data?.updateProfile).toMatchObject({
      userErrors: [],
      user: {
        name: 'Mara Meier',
        position: 'Referentin',
        phone: '06131 16-0',
        email: 'mara.meier@example.org',
        locale: 'EN',
      },
    });
    const stored = await t.dataSource.getRepository(User).findOneByOrFail({ id: me.id });
    expect(stored).toMatchObject({ name: 'Mara Meier', locale: Locale.EN });
  });

  it('refuses an e-mail address someone else has, and an empty name', async () => {
    const me = await buildUser(t.dataSource, { password: PASSWORD });
    const other = await buildUser(t.dataSource);
    const client = await t.as(me);
    const taken = await client.gql(UPDATE, {
      input: { email: other.email, currentPassword: PASSWORD, phone: '1' },
    });
    expect(taken.data?.updateProfile.userErrors).toEqual([
      expect.objectContaining({ field: 'email', code: 'EMAIL_TAKEN' }),
    ]);
    expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: me.id })).phone).toBeNull();
    const empty = await client.gql(UPDATE, { input: { name: '' } });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('people administration', () => {
  it('lists people by name with filters; contact data for members, deactivated people for coordinators only', async () => {
    const place = await municipality(t.dataSource, 'Trier');
    const alma = await buildUser(t.dataSource, { name: 'Älma Zörner', municipalityId: place.id });
    const gone = await buildUser(t.dataSource, {
      name: 'Zora Weg',
      municipalityId: place.id,
      status: UserStatus.DEACTIVATED,
    });
    const LIST = `query($filter: PeopleFilter) { people(first: 50, filter: $filter) { totalCount edges { node { id name email status } } } }`;
    const kim = await t.as(await coordinator());
    const byCoordinator = await kim.gql(LIST, { filter: { municipalityId: gid('Municipality', place.id) } });
    expect(byCoordinator.data?.people.edges.map((e: any) => e.node.name)).toEqual([
      'Älma Zörner',
      'Zora Weg',
    ]);
    const officer = await t.as(await buildUser(t.dataSource));
    const byOfficer = await officer.gql(LIST, { filter: { municipalityId: gid('Municipality', place.id) } });
    expect(byOfficer.data?.people.edges.map((e: any) => e.node)).toEqual([
      { id: gid('User', alma.id), name: 'Älma Zörner', email: alma.email, status: null },
    ]);
    const search = await kim.gql(LIST, { filter: { search: 'alma zorn' } });
    expect(search.data?.people.edges.map((e: any) => e.node.id)).toEqual([gid('User', alma.id)]);
    expect(gone).toBeDefined();
  });

  it('shows whether an account is active to the person and coordinators only; null to everyone else', async () => {
    const place = await municipality(t.dataSource, 'Trier');
    const gone = await buildUser(t.dataSource, { municipalityId: place.id, status: UserStatus.DEACTIVATED });
    const invited = await buildUser(t.dataSource, { municipalityId: place.id, status: UserStatus.INVITED });
    const ACCOUNT = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { id active status } } }`;
    const ids = [gid('User', gone.id), gid('User', invited.id)];
    const kim = await t.as(await coordinator());
    expect((await kim.gql(ACCOUNT, { ids })).data?.nodes).toEqual([
      { id: ids[0], active: false, status: 'DEACTIVATED' },
      { id: ids[1], active: false, status: 'INVITED' },
    ]);
    for (const role of [Role.OFFICER, Role.MINISTRY]) {
      const other = await t.as(await buildUser(t.dataSource, { role }));
      expect((await other.gql(ACCOUNT, { ids })).data?.nodes).toEqual([
        { id: ids[0], active: null, status: null },
        { id: ids[1], active: null, status: null },
      ]);
    }
    const me = await buildUser(t.dataSource);
    const own = await (await t.as(me)).gql('{ viewer { active status } }');
    expect(own.data?.viewer).toEqual({ active: true, status: 'ACTIVE' });
  });

  it('costs the same number of statements for 5 and 50 people', async () => {
    for (let i = 0; i < 8; i++) await buildUser(t.dataSource);
    const kim = await t.as(await coordinator());
    const LIST = `query($first: Int) { people(first: $first) { totalCount edges { node { id name email phone status
      municipality { name district { name } } viewerCan { manage resendInvitation } } } } }`;
    const small = await kim.gql(LIST, { first: 5 });
    const large = await kim.gql(LIST, { first: 50 });
    expect(large.data?.people.edges.length).toBeGreaterThan(5);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('deactivating a person ends their sessions at once; reactivating lets them back', async () => {
    const person = await buildUser(t.dataSource);
    const personClient = await t.as(person);
    expect((await personClient.gql('{ viewer { id } }')).data?.viewer).not.toBeNull();
    const kim = await t.as(await coordinator());
    const result = await kim.gql(DEACTIVATE, { input: { userId: gid('User', person.id) } });
    expect(result.data?.deactivateUser.user).toMatchObject({ status: 'DEACTIVATED', active: false });
    expect(await t.dataSource.getRepository(Session).countBy({ userId: person.id })).toBe(0);
    expect((await personClient.gql('{ viewer { id } }')).data?.viewer).toBeNull();
    const twice = await kim.gql(DEACTIVATE, { input: { userId: gid('User', person.id) } });
    expect(twice.data?.deactivateUser.userErrors[0].code).toBe('ALREADY_DEACTIVATED');
    const back = await kim.gql(REACTIVATE, { input: { userId: gid('User', person.id) } });
    // Never set a password (the factory gives none): back to invited.
    expect(back.data?.reactivateUser.user.status).toBe('INVITED');
  });

  it('coordinators change roles; officers need a municipality, others may not have one', async () => {
    const person = await buildUser(t.dataSource);
    const kim = await t.as(await coordinator());
    const userId = gid('User', person.id);
    const toMinistry = await kim.gql(CHANGE_ROLE, { input: { userId, role: 'MINISTRY' } });
    expect(toMinistry.data?.changeUserRole.user).toMatchObject({ role: 'MINISTRY', municipality: null });
    const noPlace = await kim.gql(CHANGE_ROLE, { input: { userId, role: 'OFFICER' } });
    expect(noPlace.data?.changeUserRole.userErrors[0]).toMatchObject({
      code: 'MUNICIPALITY_REQUIRED',
      field: 'municipalityId',
    });
    const mainz = await municipality(t.dataSource, 'Mainz');
    const back = await kim.gql(CHANGE_ROLE, {
      input: { userId, role: 'OFFICER', municipalityId: gid('Municipality', mainz.id) },
    });
    expect(back.data?.changeUserRole.user).toMatchObject({
      role: 'OFFICER',
      municipality: { name: 'Mainz' },
    });
    const withPlace = await kim.gql(CHANGE_ROLE, {
      input: { userId, role: 'COORDINATOR', municipalityId: gid('Municipality', mainz.id) },
    });
    expect(withPlace.data?.changeUserRole.userErrors[0].code).toBe('MUNICIPALITY_NOT_ALLOWED');
  });

  it('coordinators may not deactivate themselves or change their own role', async () => {
    const me = await coordinator();
    const client = await t.as(me);
    const self = await client.gql(DEACTIVATE, { input: { userId: gid('User', me.id) } });
    expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const role = await client.gql(CHANGE_ROLE, { input: { userId: gid('User', me.id), role: 'OFFICER' } });
    expect(role.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('unknown and foreign people IDs give NOT_FOUND and BAD_USER_INPUT', async () => {
    const kim = await t.as(await coordinator());
    const unknown = await kim.gql(DEACTIVATE, {
      input: { userId: gid('User', '00000000-0000-4000-8000-000000000000') },
    });
    expect(unknown.data?.deactivateUser.userErrors[0].code).toBe('NOT_FOUND');
    const mainz = await municipality(t.dataSource, 'Mainz');
    const foreign = await kim.gql(DEACTIVATE, { input: { userId: gid('Municipality', mainz.id) } });
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('CSV import of officers', () => {
  const mainzCsv = (email: string) => `name,email,municipality\nAnna Acker,${email},Mainz\n`;

  it('previews a German Excel file (BOM, semicolons, quotes, umlauts) without writing anything', async () => {
    const kim = await t.as(await coordinator());
    const csv =
      '\uFEFFName;E-Mail;Kommune;Funktion;Telefon;Sprache\r\n' +
      '"Bernd ""Bea"" Böhm";bernd.boehm@example.org;Bruchmühlbach-Miesau;Digitalbeauftragter;"06372; 9"; de\r\n' +
      'Carla Christ;carla@example.org;073350000000;;;EN\r\n';
    const result = await kim.gql(IMPORT, { input: { csv, dryRun: true } });
    expect(result.errors).toBeUndefined();
    const payload = result.data?.importOfficers;
    expect(payload).toMatchObject({ valid: true, createdCount: 0, created: [], userErrors: [] });
    expect(payload.rows).toEqual([
      expect.objectContaining({
        line: 2,
        name: 'Bernd "Bea" Böhm',
        municipality: { name: 'Bruchmühlbach-Miesau' },
        errors: [],
      }),
      expect.objectContaining({
        line: 3,
        name: 'Carla Christ',
        municipality: expect.any(Object),
        errors: [],
      }),
    ]);
    expect(await t.dataSource.getRepository(User).countBy({ email: 'carla@example.org' })).toBe(0);
  });

  it('reports every row’s errors and writes nothing unless every row is valid', async () => {
    const existing = await buildUser(t.dataSource);
    const kim = await t.as(await coordinator());
    const csv = [
      'name,email,municipality',
      'Dora Dorn,dora@example.org,Mainz',
      ',kein-mail,Atlantis',
      `Emil Ernst,${existing.email},Mainz`,
      'Fritz Fuchs,DORA@example.org,roth',
    ].join('\n');
    const result = await kim.gql(IMPORT, { input: { csv, dryRun: false } });
    const payload = result.data?.importOfficers;
    expect(payload.valid).toBe(false);
    expect(payload.createdCount).toBe(0);
    expect(payload.userErrors[0]).toMatchObject({ code: 'ROWS_INVALID', field: 'csv' });
    const codes = payload.rows.map((r: any) => r.errors.map((e: any) => `${e.field}:${e.code}`));
    expect(codes).toEqual([
      [],
      ['name:REQUIRED', 'email:INVALID_EMAIL', 'municipality:MUNICIPALITY_UNKNOWN'],
      ['email:EMAIL_TAKEN'],
      ['email:DUPLICATE_EMAIL', 'municipality:MUNICIPALITY_AMBIGUOUS'],
    ]);
    expect(await t.dataSource.getRepository(User).countBy({ email: 'dora@example.org' })).toBe(0);
  });

  it('creates the officers and their invitations in one transaction', async () => {
    const kim = await t.as(await coordinator());
    const csv =
      'name;email;municipality;phone\nGina Graf;gina@example.org;Mainz;06131 1\nHans Horn;hans@example.org;07111000;\n';
    const result = await kim.gql(IMPORT, { input: { csv, dryRun: false } });
    expect(result.data?.importOfficers).toMatchObject({ valid: true, createdCount: 2, userErrors: [] });
    expect(result.data?.importOfficers.created[0]).toMatchObject({
      name: 'Gina Graf',
      phone: '06131 1',
      municipality: { name: 'Mainz' },
    });
    const gina = await t.dataSource.getRepository(User).findOneByOrFail({ email: 'gina@example.org' });
    expect(gina).toMatchObject({ role: Role.OFFICER, status: UserStatus.INVITED });
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ recipient: 'gina@example.org' })).toBe(
      1,
    );
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ recipient: 'hans@example.org' })).toBe(
      1,
    );
  });

  it('names wrong columns, wrong encoding, broken quoting and empty files clearly', async () => {
    const kim = await t.as(await coordinator());
    const run = async (csv: string) =>
      (await kim.gql(IMPORT, { input: { csv } })).data?.importOfficers.userErrors;
    expect(await run('vorname;mail;ort\nA;a@example.org;Mainz')).toEqual([
      expect.objectContaining({ code: 'CSV_COLUMNS', message: expect.stringContaining('vorname') }),
      expect.objectContaining({
        code: 'CSV_COLUMNS',
        message: expect.stringContaining('name, municipality'),
      }),
    ]);
    expect((await run('name;email;kommune\nJ\uFFFDrg;j@example.org;Mainz'))[0].code).toBe('CSV_ENCODING');
    expect((await run('name;email;kommune\nJÃ¶rg;j@example.org;Mainz'))[0].code).toBe('CSV_ENCODING');
    expect((await run('name,email,municipality\n"Anna,a@example.org,Mainz'))[0].code).toBe('CSV_MALFORMED');
    expect((await run(''))[0].code).toBe('CSV_EMPTY');
    expect((await run('name,email,municipality\n'))[0].code).toBe('CSV_EMPTY');
    expect(mainzCsv('x')).toContain('Mainz');
  });
});

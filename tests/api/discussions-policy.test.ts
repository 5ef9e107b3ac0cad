import { ProjectStatus, Role, ThreadSubjectType } from '@hub/shared';
import { DiscussionThread } from '../../packages/api/src/modules/discussions/discussion.entity';
import type { DiscussionAction } from '../../packages/api/src/modules/discussions/discussion.policy';
import {
  can,
  readableThreadsSql,
  VIEWER_PARAMETERS,
  viewerParameters,
} from '../../packages/api/src/modules/discussions/discussion.policy';
import { loadSubject } from '../../packages/api/src/modules/discussions/discussion.service';
import '../../packages/api/src/modules/discussions/discussion-subjects';
import { Loaders } from '../../packages/api/src/graphql/loaders';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildForumCategory, buildThread } from '../support/discussion-factories';
import { buildUser, gid, municipality } from '../support/factories';
import { buildMeeting } from '../support/meeting-factories';
import { buildProject } from '../support/project-factories';
import { buildWorkingGroup } from '../support/working-group-factories';

/**
 * The discussions' policy as a matrix: every actor against a thread on every kind of subject, in
 * code (`can`), in SQL (`readableThreadsSql`) and through the schema; the two rules must agree.
 */

type Actor = 'public' | 'ministry' | 'ownOfficer' | 'otherOfficer' | 'groupMember' | 'coordinator';
const ACTORS: Actor[] = ['public', 'ministry', 'ownOfficer', 'otherOfficer', 'groupMember', 'coordinator'];
type Subject = 'publishedProject' | 'draftProject' | 'workingGroup' | 'meeting' | 'forum';

/** Who reads a thread on each subject. */
const READS: Record<Subject, Actor[]> = {
  publishedProject: ['ministry', 'ownOfficer', 'otherOfficer', 'groupMember', 'coordinator'],
  draftProject: ['ownOfficer', 'coordinator'],
  workingGroup: ['groupMember', 'coordinator'],
  meeting: ['ministry', 'ownOfficer', 'otherOfficer', 'groupMember', 'coordinator'],
  forum: ['ministry', 'ownOfficer', 'otherOfficer', 'groupMember', 'coordinator'],
};

let t: TestApp;
const people = {} as Record<Exclude<Actor, 'public'>, User>;
const threads = {} as Record<Subject, DiscussionThread>;

beforeAll(async () => {
  t = await startTestApp();
  const trier = await municipality(t.dataSource, 'Trier', 'KREISFREIE_STADT' as never);
  people.ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
  people.ownOfficer = await buildUser(t.dataSource);
  people.otherOfficer = await buildUser(t.dataSource, { municipalityId: trier.id });
  people.groupMember = await buildUser(t.dataSource, { municipalityId: trier.id });
  people.coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
  const own = people.ownOfficer.municipalityId as string;
  const published = await buildProject(t.dataSource, { leadMunicipalityId: own });
  const draft = await buildProject(t.dataSource, {
    leadMunicipalityId: own,
    status: ProjectStatus.DRAFT,
    publishedAt: null,
  });
  const group = await buildWorkingGroup(t.dataSource, { members: [people.groupMember] });
  const meeting = await buildMeeting(t.dataSource);
  const category = await buildForumCategory(t.dataSource);
  const subjects: Record<Subject, [ThreadSubjectType, string]> = {
    publishedProject: [ThreadSubjectType.PROJECT, published.id],
    draftProject: [ThreadSubjectType.PROJECT, draft.id],
    workingGroup: [ThreadSubjectType.WORKING_GROUP, group.id],
    meeting: [ThreadSubjectType.MEETING, meeting.id],
    forum: [ThreadSubjectType.FORUM, category.id],
  };
  for (const [name, [subjectType, subjectId]] of Object.entries(subjects))
    threads[name as Subject] = await buildThread(t.dataSource, {
      subjectType,
      subjectId,
      author: people.coordinator,
    });
});
afterAll(() => t.close());

const userOf = (actor: Actor): User | null => (actor === 'public' ? null : people[actor]);

async function codeRule(actor: Actor, subject: Subject, action: DiscussionAction): Promise<boolean> {
  const thread = threads[subject];
  const loaded = await loadSubject(
    { loaders: new Loaders(t.dataSource) },
    thread.subjectType,
    thread.subjectId,
  );
  return can(userOf(actor), action, { subject: loaded, thread });
}

async function sqlReadable(actor: Actor): Promise<Set<string>> {
  const user = userOf(actor);
  const query = t.dataSource.getRepository(DiscussionThread).createQueryBuilder('t').select('t.id');
  query.where(readableThreadsSql('t', user ? VIEWER_PARAMETERS : null), user ? viewerParameters(user) : {});
  return new Set((await query.getMany()).map((row) => row.id));
}

describe.each(ACTORS)('%s', (actor) => {
  it('reads exactly the threads of the matrix, in code, in SQL and through the schema', async () => {
    const readable = await sqlReadable(actor);
    const client = actor === 'public' ? t.client() : await t.as(people[actor]);
    for (const subject of Object.keys(threads) as Subject[]) {
      const expected = READS[subject].includes(actor);
      expect({ subject, code: await codeRule(actor, subject, 'read') }).toEqual({ subject, code: expected });
      expect({ subject, sql: readable.has(threads[subject].id) }).toEqual({ subject, sql: expected });
      const result = await client.gql(`query($id: ID!) { node(id: $id) { id } }`, {
        id: gid('DiscussionThread', threads[subject].id),
      });
      expect({ subject, schema: Boolean(result.data?.node) }).toEqual({ subject, schema: expected });
    }
  });

  it('replies where it reads; moderates only as coordinator (the ministry changes nothing else)', async () => {
    for (const subject of Object.keys(threads) as Subject[]) {
      const reads = READS[subject].includes(actor);
      expect({ subject, reply: await codeRule(actor, subject, 'reply') }).toEqual({ subject, reply: reads });
      for (const action of ['lockThread', 'pinThread', 'hidePost'] as DiscussionAction[]) {
        const post = { authorId: people.coordinator.id, deletedAt: null, hiddenAt: null };
        const thread = threads[subject];
        const loaded = await loadSubject(
          { loaders: new Loaders(t.dataSource) },
          thread.subjectType,
          thread.subjectId,
        );
        expect({
          subject,
          action,
          allowed: can(userOf(actor), action, { subject: loaded, thread, post }),
        }).toEqual({
          subject,
          action,
          allowed: actor === 'coordinator',
        });
      }
    }
    expect(can(userOf(actor), 'manageForumCategories', { subject: null })).toBe(actor === 'coordinator');
  });
});

it('lists through the schema exactly the threads the SQL rule allows', async () => {
  for (const actor of ACTORS.filter((a) => a !== 'public')) {
    const client = await t.as(people[actor as Exclude<Actor, 'public'>]);
    const result = await client.gql(`{ discussionThreads(first: 100) { edges { node { id } } } }`);
    const listed = new Set(
      result.data?.discussionThreads.edges.map((e: { node: { id: string } }) => e.node.id),
    );
    const expected = (Object.keys(threads) as Subject[])
      .filter((s) => READS[s].includes(actor))
      .map((s) => gid('DiscussionThread', threads[s].id));
    expect([...listed].sort()).toEqual(expected.sort());
  }
  const anonymous = await t.client().gql(`{ discussionThreads(first: 10) { edges { node { id } } } }`);
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

import { ProjectStatus, ThreadSubjectType } from '@hub/shared';
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
import type { MatrixRole } from '../support/authorization';
import { buildActors, expectMatrix } from '../support/authorization';
import { buildForumCategory, buildThread } from '../support/discussion-factories';
import { buildUser, gid, municipality } from '../support/factories';
import { buildMeeting } from '../support/meeting-factories';
import { buildProject } from '../support/project-factories';
import { buildWorkingGroup } from '../support/working-group-factories';

/**
 * The discussions' policy as a matrix: every actor against a thread on every kind of subject, in
 * code (`can`), in SQL (`readableThreadsSql`) and through the schema; the two rules must agree.
 */

/** The matrix roles and a member of a working group (of another municipality). */
type Actor = MatrixRole | 'groupMember';
type Subject = 'publishedProject' | 'draftProject' | 'workingGroup' | 'meeting' | 'forum';
const SUBJECTS: Subject[] = ['publishedProject', 'draftProject', 'workingGroup', 'meeting', 'forum'];

/** Who reads a thread on each subject. */
const READS: Record<Subject, Actor[]> = {
  publishedProject: ['ministry', 'ownOfficer', 'otherOfficer', 'groupMember', 'coordinator'],
  draftProject: ['ownOfficer', 'coordinator'],
  workingGroup: ['groupMember', 'coordinator'],
  meeting: ['ministry', 'ownOfficer', 'otherOfficer', 'groupMember', 'coordinator'],
  forum: ['ministry', 'ownOfficer', 'otherOfficer', 'groupMember', 'coordinator'],
};

let t: TestApp;
let actors: Record<Actor, User | null>;
const threads = {} as Record<Subject, DiscussionThread>;

/** The row of a matrix: `value(actor)` for every actor. */
function row<T>(value: (actor: Actor) => T): Record<Actor, T> {
  return Object.fromEntries(Object.keys(actors).map((actor) => [actor, value(actor as Actor)])) as Record<
    Actor,
    T
  >;
}
const readers = (subject: Subject) => row((actor) => READS[subject].includes(actor));
const coordinatorsOnly = () => row((actor) => actor === 'coordinator');

beforeAll(async () => {
  t = await startTestApp();
  const trier = await municipality(t.dataSource, 'Trier', 'KREISFREIE_STADT' as never);
  actors = {
    ...(await buildActors(t.dataSource)),
    groupMember: await buildUser(t.dataSource, { municipalityId: trier.id }),
  };
  const coordinator = actors.coordinator as User;
  const own = (actors.ownOfficer as User).municipalityId as string;
  const published = await buildProject(t.dataSource, { leadMunicipalityId: own });
  const draft = await buildProject(t.dataSource, {
    leadMunicipalityId: own,
    status: ProjectStatus.DRAFT,
    publishedAt: null,
  });
  const group = await buildWorkingGroup(t.dataSource, { members: [actors.groupMember as User] });
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
      author: coordinator,
    });
});
afterAll(() => t.close());

async function codeRule(actor: User | null, subject: Subject, action: DiscussionAction): Promise<boolean> {
  const thread = threads[subject];
  const loaded = await loadSubject(
    { loaders: new Loaders(t.dataSource) },
    thread.subjectType,
    thread.subjectId,
  );
  // A visible post of the coordinator, for the actions on posts.
  const post = { authorId: (actors.coordinator as User).id, deletedAt: null, hiddenAt: null };
  return can(actor, action, { subject: loaded, thread, post });
}

async function sqlReadable(actor: User | null): Promise<Set<string>> {
  const query = t.dataSource.getRepository(DiscussionThread).createQueryBuilder('t').select('t.id');
  query.where(
    readableThreadsSql('t', actor ? VIEWER_PARAMETERS : null),
    actor ? viewerParameters(actor) : {},
  );
  return new Set((await query.getMany()).map((found) => found.id));
}

const clientOf = async (actor: User | null) => (actor ? t.as(actor) : t.client());

describe.each(SUBJECTS)('a thread on a %s', (subject) => {
  it('is read by exactly its readers, in code, in SQL and through the schema', async () => {
    await expectMatrix(actors, (actor) => codeRule(actor, subject, 'read'), readers(subject));
    await expectMatrix(
      actors,
      async (actor) => (await sqlReadable(actor)).has(threads[subject].id),
      readers(subject),
    );
    await expectMatrix(
      actors,
      async (actor) => {
        const result = await (await clientOf(actor)).gql(`query($id: ID!) { node(id: $id) { id } }`, {
          id: gid('DiscussionThread', threads[subject].id),
        });
        return Boolean(result.data?.node);
      },
      readers(subject),
    );
  });

  it('takes replies from its readers; moderation only from coordinators (the ministry changes nothing else)', async () => {
    await expectMatrix(actors, (actor) => codeRule(actor, subject, 'reply'), readers(subject));
    for (const action of ['lockThread', 'pinThread', 'hidePost'] as DiscussionAction[])
      await expectMatrix(actors, (actor) => codeRule(actor, subject, action), coordinatorsOnly());
  });
});

it('manages forum categories only as coordinator', async () => {
  await expectMatrix(
    actors,
    (actor) => can(actor, 'manageForumCategories', { subject: null }),
    coordinatorsOnly(),
  );
});

it('lists through the schema exactly the threads the SQL rule allows', async () => {
  const expected = row((actor) =>
    actor === 'public'
      ? 'UNAUTHENTICATED'
      : SUBJECTS.filter((s) => READS[s].includes(actor))
          .map((s) => gid('DiscussionThread', threads[s].id))
          .sort(),
  );
  await expectMatrix(
    actors,
    async (actor) => {
      const result = await (await clientOf(actor)).gql(
        `{ discussionThreads(first: 100) { edges { node { id } } } }`,
      );
      if (result.errors) return result.errors[0].extensions?.code;
      return result.data?.discussionThreads.edges.map((e: { node: { id: string } }) => e.node.id).sort();
    },
    expected,
  );
});

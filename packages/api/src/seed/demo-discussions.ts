import { ThreadSubjectType } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { toGlobalId } from '../graphql/relay';
import {
  DiscussionPost,
  DiscussionPostReference,
  DiscussionReadState,
  DiscussionThread,
  ForumCategory,
} from '../modules/discussions/discussion.entity';
import { referencesIn, renderPost } from '../modules/discussions/post-text';
import { emitDomainEvent } from '../modules/events';
import { Meeting } from '../modules/meetings/meeting.entity';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { Project } from '../modules/projects/project.entity';
import { User } from '../modules/users/user.entity';
import { WorkingGroup } from '../modules/working-groups/working-group.entity';

/** The forum's categories, as coordinators would set them up. */
const CATEGORIES: [name: string, description: string][] = [
  ['Fragen an das Netzwerk', 'Hat das schon jemand gemacht? Fragen an alle Mitgliedskommunen.'],
  ['Förderprogramme', 'Förderaufrufe, Fristen und Erfahrungen mit Anträgen.'],
  ['IT-Sicherheit und Datenschutz', 'Informationssicherheit, DSGVO und Auftragsverarbeitung.'],
];

type Subject =
  | { type: ThreadSubjectType.PROJECT; title: string }
  | { type: ThreadSubjectType.WORKING_GROUP; name: string }
  | { type: ThreadSubjectType.MEETING; title: string }
  | { type: ThreadSubjectType.FORUM; category: string };

interface DemoPost {
  /** The author's demo e-mail. */
  by: string;
  /** Markdown; `{person:e-mail}`, `{municipality:Name}` and `{project:Title}` become mentions and links. */
  text: string;
  /** Number of the post this one answers. */
  replyTo?: number;
  daysAgo: number;
}

interface DemoThread {
  subject: Subject;
  title: string;
  posts: DemoPost[];
}

const THREADS: DemoThread[] = [
  {
    subject: { type: ThreadSubjectType.PROJECT, title: 'Demo: Digitale Dörfer' },
    title: 'Vor der Nachnutzung: Wie hoch war der Aufwand? (Demo)',
    posts: [
      {
        by: 'digital@cochem-zell.demo',
        text: 'Wir überlegen, **Digitale Dörfer** im Kreis nachzunutzen. {person:digital@vg-landstuhl.demo}, wie viele Personentage hat die Einführung gekostet, und wer pflegt die Inhalte?',
        daysAgo: 9,
      },
      {
        by: 'digital@vg-landstuhl.demo',
        text: 'Etwa 25 Personentage, davon die Hälfte für die Schulung der Ortsgemeinden. Die Inhalte pflegen bei uns Ehrenamtliche – das klappt, wenn es je Ortsgemeinde eine feste Ansprechperson gibt.',
        replyTo: 1,
        daysAgo: 8,
      },
      {
        by: 'digital@kaiserslautern.demo',
        text: 'Ergänzend: Die Lizenz läuft über das Land, es fallen nur die Betriebskosten an. Die Unterlagen zur Ausschreibung liegen im Projekt {project:Demo: Digitale Dörfer}.',
        replyTo: 1,
        daysAgo: 7,
      },
      {
        by: 'digital@cochem-zell.demo',
        text: 'Danke! Dann schlagen wir die Nachnutzung in der nächsten Kreisausschusssitzung vor.',
        replyTo: 2,
        daysAgo: 6,
      },
    ],
  },
  {
    subject: { type: ThreadSubjectType.WORKING_GROUP, name: 'AG Smart City & Sensorik (Demo)' },
    title: 'Vorbereitung der nächsten Sitzung (Demo)',
    posts: [
      {
        by: 'digital@kaiserslautern.demo',
        text: 'Für die nächste Sitzung schlage ich vor:\n\n1. Stand der LoRaWAN-Gateways\n2. Entwurf der Leistungsbeschreibung Sensorik\n\n{person:digital@mainz.demo}, magst du zu Punkt 2 berichten? Bezug: {project:Demo: Smarte Lichtmasten}.',
        daysAgo: 5,
      },
      {
        by: 'digital@mainz.demo',
        text: 'Gern. Ich bringe den Entwurf mit; Rückmeldungen bitte bis Freitag hier im Thema.',
        replyTo: 1,
        daysAgo: 4,
      },
      {
        by: 'digital@trier.demo',
        text: 'Aus {municipality:Trier} kommen noch Messwerte der Umweltsensoren – können wir die als dritten Punkt aufnehmen?',
        replyTo: 1,
        daysAgo: 3,
      },
    ],
  },
  {
    subject: { type: ThreadSubjectType.FORUM, category: 'Förderprogramme' },
    title: 'Förderaufruf „Smarte Kommunen“: Wer bewirbt sich? (Demo)',
    posts: [
      {
        by: 'koordination@kl.digital.demo',
        text: 'Der neue Förderaufruf ist veröffentlicht: Gefördert werden Pilotprojekte mit Nachnutzungskonzept, Eigenanteil 20 %, Frist in acht Wochen. Wer plant einen Antrag? Gemeinsame Anträge mehrerer Kommunen sind ausdrücklich erwünscht.',
        daysAgo: 2,
      },
      {
        by: 'digital@koblenz.demo',
        text: 'Wir würden uns mit dem Kita-Portal bewerben und suchen Partner. {municipality:Idar-Oberstein}, wäre das für euch interessant?',
        replyTo: 1,
        daysAgo: 2,
      },
      {
        by: 'ministerium@mdi.rlp.demo',
        text: 'Hinweis aus dem Ministerium: Verbundanträge werden bei der Bewertung bevorzugt. Fragen zum Verfahren gern hier im Thema.',
        replyTo: 1,
        daysAgo: 1,
      },
      {
        by: 'digital@idar-oberstein.demo',
        text: 'Ja, gern! Wir stimmen uns in der AG Bildung mit {person:digital@kaiserslautern.demo} ab und melden uns bis Monatsende.',
        replyTo: 2,
        daysAgo: 1,
      },
    ],
  },
];

const DAY = 86_400_000;

/**
 * Demo discussions (German, marked "(Demo)"): questions about a project before adopting it, a
 * working group preparing its next meeting, and a forum thread on a funding programme, with
 * mentions, project links and replies. Uses the demo accounts, projects and groups by their
 * stable names; a subject that is missing is skipped. Called from seedDemo.
 */
export async function seedDemoDiscussions(manager: EntityManager): Promise<void> {
  const categoryIds = new Map<string, string>();
  for (const [index, [name, description]] of CATEGORIES.entries()) {
    const result = await manager.insert(ForumCategory, {
      name,
      description,
      position: index,
      archivedAt: null,
    });
    categoryIds.set(name, result.identifiers[0].id as string);
  }
  const users = await manager.getRepository(User).find({ where: { isDemo: true } });
  const userByEmail = new Map(users.map((user) => [user.email, user]));
  let threads = 0;
  let posts = 0;
  for (const demo of THREADS) {
    const subjectId = await subjectIdOf(manager, demo.subject, categoryIds);
    if (!subjectId) continue;
    const texts = await Promise.all(demo.posts.map((post) => markdownOf(manager, post.text, userByEmail)));
    const authorIds = demo.posts.map((post) => userByEmail.get(post.by)?.id ?? null);
    const lastAt = new Date(Date.now() - (demo.posts.at(-1)?.daysAgo ?? 0) * DAY);
    const thread = await manager.insert(DiscussionThread, {
      subjectType: demo.subject.type,
      subjectId,
      title: demo.title,
      authorId: authorIds[0],
      createdAt: new Date(Date.now() - demo.posts[0].daysAgo * DAY),
      lastPostAt: lastAt,
      lastPostNumber: demo.posts.length,
      changeSeq: String(demo.posts.length),
      lockedAt: null,
      lockReason: null,
      pinnedAt: null,
    });
    const threadId = thread.identifiers[0].id as string;
    const postIds: string[] = [];
    for (const [index, post] of demo.posts.entries()) {
      const inserted = await manager.insert(DiscussionPost, {
        threadId,
        number: index + 1,
        authorId: authorIds[index],
        body: texts[index],
        bodyHtml: renderPost(texts[index]),
        replyToPostId: post.replyTo ? postIds[post.replyTo - 1] : null,
        createdAt: new Date(Date.now() - post.daysAgo * DAY + index * 60_000),
        editedAt: null,
        deletedAt: null,
        hiddenAt: null,
        hiddenReason: null,
        changeSeq: String(index + 1),
      });
      const postId = inserted.identifiers[0].id as string;
      postIds.push(postId);
      const references = referencesIn(texts[index]).references;
      if (references.length)
        await manager.insert(
          DiscussionPostReference,
          references.map((r) => ({
            postId,
            targetType: r.kind === 'person' ? 'USER' : r.kind === 'municipality' ? 'MUNICIPALITY' : 'PROJECT',
            targetId: r.id,
          })),
        );
    }
    // Authors have read up to their own last post; everyone else finds the thread unread.
    const lastPostOf = new Map<string, number>();
    for (const [index, id] of authorIds.entries()) if (id) lastPostOf.set(id, index + 1);
    await manager.insert(
      DiscussionReadState,
      [...lastPostOf].map(([userId, lastReadNumber]) => ({ userId, threadId, lastReadNumber })),
    );
    threads++;
    posts += demo.posts.length;
  }
  await emitDomainEvent(manager, {
    actorId: null,
    type: 'demo.discussionsSeeded',
    subjectType: 'System',
    subjectId: null,
    payload: { threads, posts },
  });
}

async function subjectIdOf(
  manager: EntityManager,
  subject: Subject,
  categoryIds: Map<string, string>,
): Promise<string | null> {
  switch (subject.type) {
    case ThreadSubjectType.PROJECT:
      return (await manager.getRepository(Project).findOneBy({ title: subject.title }))?.id ?? null;
    case ThreadSubjectType.WORKING_GROUP:
      return (await manager.getRepository(WorkingGroup).findOneBy({ name: subject.name }))?.id ?? null;
    case ThreadSubjectType.MEETING:
      return (await manager.getRepository(Meeting).findOneBy({ title: subject.title }))?.id ?? null;
    case ThreadSubjectType.FORUM:
      return categoryIds.get(subject.category) ?? null;
  }
}

/** Replaces `{person:…}`, `{municipality:…}` and `{project:…}` with the editor's tokens. */
async function markdownOf(
  manager: EntityManager,
  text: string,
  userByEmail: Map<string, User>,
): Promise<string> {
  let result = text;
  for (const [placeholder, kind, key] of text.matchAll(/\{(person|municipality|project):([^}]+)\}/g)) {
    let token = key;
    if (kind === 'person') {
      const user = userByEmail.get(key);
      if (user) token = `@[${user.name}](person:${toGlobalId('User', user.id)})`;
    } else if (kind === 'municipality') {
      const municipality = await manager
        .getRepository(Municipality)
        .createQueryBuilder('m')
        .innerJoin('network_membership', 'nm', 'nm.municipality_id = m.id')
        .where('m.name = :key', { key })
        .getOne();
      if (municipality)
        token = `@[${municipality.name}](municipality:${toGlobalId('Municipality', municipality.id)})`;
    } else {
      const project = await manager.getRepository(Project).findOneBy({ title: key });
      if (project)
        token = `[${project.title.replace('Demo: ', '')}](project:${toGlobalId('Project', project.id)})`;
    }
    result = result.replace(placeholder, token);
  }
  return result;
}

import type { ThreadSubjectType } from '@hub/shared';
import type { Loaders } from '../../graphql/loaders';
import type { ViewerSql } from '../../policy/policy';
import type { User } from '../users';

/** What the discussions need to know of a subject, loaded through its owner's loaders. */
export interface LoadedSubject {
  /** The owner's state the read rule looks at (a project with its participants, a group with its members, …). */
  state: unknown;
  /** How lists name the subject, e.g. the project's title. */
  title: string;
  /** Its global ID (`Project:…`), for links. */
  globalId: string;
  /** Whether new threads may be started on it (e.g. not on an archived forum category). */
  open: boolean;
}

/**
 * The read rule of one kind of thread subject, provided by the module that owns the subject
 * (projects, working groups, meetings, the forum; reports and initiatives are attached the same
 * way): once in code, once in SQL, and the two must agree (tests/api/discussions-policy.test.ts).
 * Threads are readable by signed-in people only, whatever the subject says.
 */
export interface ThreadSubjectRule {
  /** The subject with its state, or null when there is no such subject. */
  load(loaders: Loaders, subjectId: string): Promise<LoadedSubject | null>;
  /** Whether the signed-in viewer may read the subject's threads. */
  canRead(viewer: User, state: unknown): boolean;
  /** The same rule as an SQL boolean for the subject whose id is the SQL expression `subjectId`. */
  readableSql(subjectId: string, viewer: ViewerSql): string;
}

const rules = new Map<ThreadSubjectType, ThreadSubjectRule>();

/** Attaches a kind of subject; a module calls this once from its discussion subject file. */
export function registerThreadSubject(type: ThreadSubjectType, rule: ThreadSubjectRule): void {
  rules.set(type, rule);
}

/** The rule of a subject type, or null when none is attached (yet). */
export function threadSubjectRule(type: ThreadSubjectType): ThreadSubjectRule | null {
  return rules.get(type) ?? null;
}

/** Every attached subject type with its rule. */
export function threadSubjectRules(): [ThreadSubjectType, ThreadSubjectRule][] {
  return [...rules];
}

import type { User } from '../modules/users/user.entity';

/** Whom a rule is asked about: the signed-in person, or null for the public. */
export type Actor = User | null;

/**
 * The subject each action is asked about, by action name. `undefined` marks an action that is
 * about no particular object ("may this actor list people at all?").
 */
type SubjectArgs<Subject> = [Subject] extends [undefined] ? [subject?: undefined] : [subject: Subject];

/** One rule per action: whether the actor may take it on the subject (its state included). */
export type Rules<Subjects> = {
  [A in keyof Subjects]: (actor: Actor, ...subject: SubjectArgs<Subjects[A]>) => boolean;
};

/** A module's one question: may `actor` take `action` on `subject`? */
export interface Policy<Subjects> {
  can<A extends keyof Subjects>(actor: Actor, action: A, ...subject: SubjectArgs<Subjects[A]>): boolean;
}

/** Builds a module policy from its rules: every caller asks `can(actor, action, subject)`. */
export function definePolicy<Subjects>(rules: Rules<Subjects>): Policy<Subjects> {
  return {
    can(actor, action, ...subject) {
      return rules[action](actor, ...subject);
    },
  };
}

/** A WHERE condition (on the alias the caller names) with its named parameters. */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * A subquery (e.g. `SELECT g.id FROM …`) with its positional parameters ($1, $2, … in its own
 * numbering): a module hands it to another so that one statement filters by it, without a round
 * trip to fetch the ids first.
 */
export interface SqlSubquery {
  sql: string;
  params: unknown[];
}

export const everything: SqlFilter = { sql: 'TRUE', params: {} };
export const nothing: SqlFilter = { sql: 'FALSE', params: {} };

/**
 * The viewer as SQL expressions (a bound parameter, or a column when one statement checks many
 * people at once): what the modules' read rules in SQL take when one statement asks for many
 * viewers (e.g. the live delivery of a post to every subscriber).
 */
export interface ViewerSql {
  /** uuid */
  id: string;
  /** text: the Role value */
  role: string;
  /** uuid, NULL for coordinators and the ministry */
  municipalityId: string;
}
